"""The shared development question set, graded through the console contract (needs ../shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

GRADER = SHARED / "eval" / "grade.py"
CASES = SHARED / "eval" / "dev_cases.yaml"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not GRADER.exists() or not CASES.exists(), reason="../shared/eval is absent (fresh clone)")
def test_dev_set_passes_completely() -> None:
    result = subprocess.run(
        [sys.executable, str(GRADER), str(CASES), "--cmd", f"{sys.executable} -m bot"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "(100.0%)" in result.stdout.splitlines()[-1]
