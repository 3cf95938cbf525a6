"""Every test folder gets the shared options and fixtures of ``tests/helpers/plugin.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # so `helpers` imports from any test folder

pytest_plugins = ["helpers.plugin"]
