#!/usr/bin/env bash
# Set up (if needed) and run every test of the course, stage by stage, printing each
# stage's time. Every stage runs even if an earlier one failed (except those that need
# the built site); the script exits non-zero if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHONHASHSEED=0 MPLBACKEND=Agg PYDEVD_DISABLE_FILE_VALIDATION=1
export PYTEST_ADDOPTS="-p no:cacheprovider"  # no .pytest_cache for Sphinx to trip over

declare -a names=() times=() results=()
failed=0
run_stage() {  # run_stage NAME COMMAND...
  local name=$1; shift
  local start=$SECONDS
  echo
  echo "=== stage: $name ==="
  if "$@"; then results+=("ok"); else results+=("FAILED"); failed=1; fi
  names+=("$name"); times+=($((SECONDS - start)))
  echo "=== $name: ${results[-1]} in ${times[-1]} s ==="
}

run_stage setup bash scripts/setup.sh --browser
if [[ ${results[0]} != ok ]]; then echo "setup failed; nothing else can run"; exit 1; fi
source .venv/bin/activate

run_stage lint bash -c "ruff check src tests && ruff format --check src tests"
run_stage generated-files python -m relsell.build --check
run_stage unit pytest -q tests/unit
run_stage notebooks pytest -q --nbval-lax notebooks exercises/source
run_stage exercises pytest -q tests/exercises
rm -rf _build/html
run_stage book jupyter-book build . --warningiserror --nitpick --keep-going
if [[ -f _build/html/index.html ]]; then
  run_stage site pytest -q tests/site
  run_stage browser pytest -q tests/browser --site _build/html
  if [[ -f _build/screenshots/page-weights.tsv ]]; then
    echo; echo "=== bytes loaded per page (screenshots in _build/screenshots/) ==="
    column -t -s $'\t' _build/screenshots/page-weights.tsv 2>/dev/null || cat _build/screenshots/page-weights.tsv
  fi
else
  echo "no built site: skipping the site and browser stages"; failed=1
fi

echo
echo "=== summary ==="
total=0
for i in "${!names[@]}"; do
  printf '%-16s %-7s %5d s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
  total=$((total + times[i]))
done
printf '%-16s %-7s %5d s\n' total "$([[ $failed == 0 ]] && echo ok || echo FAILED)" "$total"
exit $failed
