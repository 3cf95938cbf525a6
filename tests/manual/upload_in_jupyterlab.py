"""Manual check, not run by CI: a student uploads good and bad CSV files in real JupyterLab.

CI tests the upload widget at function and widget level (tests/unit/test_analytics_*); this
script drives the real thing in headless chromium, the way a student would: it opens notebook 4
in JupyterLab, runs every cell, then uploads four files through the FileUpload button and
prints what the explorer says, saving a screenshot of the widget after each upload.

    cd /tmp/lab && cp <repo>/notebooks/04-crm-and-selling.ipynb . &&
    <repo>/.venv/bin/jupyter-lab --no-browser --port 8890 --ServerApp.token='' &
    <repo>/.venv/bin/python <repo>/tests/manual/upload_in_jupyterlab.py /tmp/lab
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

FILES = {
    "bad_negative.csv": "customer_id,date,amount\nC1,2024-01-05,120.5\nC2,2024-02-10,-80\n",
    "bad_columns.csv": "client,when,value\nC1,2024-01-05,10\n",
    "empty.csv": "",
    "good_chinese.csv": "客户ID,日期,金额\n王女士,2024-01-05,1200\n李先生,2024-02-10,800\n",
}


def main(folder: Path) -> None:
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"))
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto("http://127.0.0.1:8890/lab/tree/04-crm-and-selling.ipynb")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        time.sleep(4)
        page.click("text=Run")
        page.click("text=Run All Cells")
        upload = page.locator(".widget-upload")
        for _ in range(90):  # JupyterLab renders cells lazily: scroll until the widget exists
            page.locator(".jp-WindowedPanel-outer").first.evaluate(
                "e => e.scrollTop = e.scrollHeight"
            )
            time.sleep(2)
            if upload.count():
                break
        time.sleep(5)
        for name in FILES:
            upload.first.scroll_into_view_if_needed()
            with page.expect_file_chooser() as chooser:
                upload.first.click()
            chooser.value.set_files(str(folder / name))
            time.sleep(5)
            box = upload.first.locator(
                "xpath=ancestor::div[contains(@class,'jp-OutputArea-output')][1]"
            )
            box.screenshot(path=str(folder / f"upload-{name}.png"))
            alert = box.locator("[role=alert]").inner_text().strip()
            print(f"{name}: {alert or box.locator('.relsell-summary').inner_text()[:200]}")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
