"""The benchmark's engines agree on a tiny table (correctness only: nothing is timed here)."""

import io
import re
import subprocess
import sys

import numpy as np
import pytest

from relsell.analytics import CLVAssumptions, generate_transactions
from relsell_book import bench


@pytest.fixture(scope="module")
def tiny():
    return generate_transactions(600, seed=11)


def test_relsell_and_the_naive_loop_agree(tiny):
    assert bench.compare(bench.relsell_analytics(tiny), bench.naive_analytics(tiny)) == []


def test_relsell_and_duckdb_agree(tiny):
    pytest.importorskip("duckdb")
    assert bench.compare(bench.relsell_analytics(tiny), bench.duckdb_analytics(tiny)) == []
    other = CLVAssumptions(discount_rate=0.0, future_years=0)
    cut = (0.3, 0.6, 0.9)
    assert (
        bench.compare(
            bench.relsell_analytics(tiny, cut, other), bench.duckdb_analytics(tiny, cut, other)
        )
        == []
    )


def test_compare_finds_a_disagreement(tiny):
    mine = bench.relsell_analytics(tiny)
    changed = mine.copy()
    changed.loc[0, "abc_tier"] = (changed.loc[0, "abc_tier"] + 1) % 4
    changed.loc[1, "clv"] += 0.01
    assert bench.compare(mine, changed) == ["abc_tier", "clv"]
    assert bench.compare(mine, mine.iloc[1:]) == ["customer_id"]


def test_run_analytics_prints_one_line_per_engine_and_the_ratio_line():
    pytest.importorskip("duckdb")
    out = io.StringIO()
    results = bench.run_analytics(300, repeat=1, widget=False, out=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("300 transactions, 30 customers")
    assert lines[1].startswith("relsell: ") and lines[2].startswith("naive: ")
    assert "all customers, measured" in lines[2] and lines[3].startswith("duckdb: ")
    assert re.fullmatch(r"relsell \d+\.\d{3} s, naive [\d,]+x slower, duckdb \d+\.\d\dx", lines[-1])
    assert results["naive"] > 0 and np.isfinite(results["duckdb"])


def test_the_naive_loop_is_sampled_and_extrapolated_when_asked():
    out = io.StringIO()
    bench.run_analytics(400, repeat=1, naive_sample=10, widget=False, out=out)
    assert "on 10 of the customers, extrapolated x4" in out.getvalue()


def test_without_duckdb_the_bench_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)
    out = io.StringIO()
    bench.run_analytics(200, repeat=1, widget=False, out=out)
    text = out.getvalue()
    assert "pip install duckdb==2.0.0" in text
    assert text.strip().splitlines()[-1].endswith("duckdb n/a (not installed)")


def test_the_widget_update_is_measured():
    assert 0 < bench.widget_update_seconds(generate_transactions(300, seed=2), repeat=2) < 30


def test_relsell_imports_without_duckdb():
    code = (
        "import sys; sys.modules['duckdb'] = None\n"
        "import relsell.analytics, relsell_book.bench, relsell.explorers.analytics\n"
        "print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_the_command_line_checks_its_arguments(capsys):
    with pytest.raises(SystemExit):
        bench.main(["analytics", "--rows", "5"])
    assert "--rows must be at least 10" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        bench.main([])
