"""docs/api.md and docs/deploy.md run: the curl lines and the Python against a real `accord serve`,
and the deployment's uvicorn and gunicorn command lines start a server that answers."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import MINI
from tests.service.conftest import prepare
from tests.service.server import free_port, serving

REPO = Path(__file__).resolve().parents[2]


def blocks(doc: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", (REPO / "docs" / doc).read_text(), flags=re.S)


def lines(doc: str, program: str) -> list[str]:
    return [line[2:] for b in blocks(doc, "console") for line in b.splitlines() if re.match(rf"\$ (\S+=\S+ )?{program} ", line)]


def test_api_examples_run(sqlite_url, tmp_path):
    tokens = prepare(sqlite_url)
    shutil.copytree(MINI, tmp_path / "mini")  # the bundle folder the upload examples zip
    with serving(sqlite_url, workers=1) as base:
        env = {**os.environ, "ACCORD_URL": base, "TOKEN": tokens["editor"], "ADMIN_TOKEN": tokens["admin"]}
        for line in lines("api.md", "python"):
            done = subprocess.run([sys.executable, *shlex.split(line)[1:]], cwd=tmp_path, capture_output=True, text=True)
            assert done.returncode == 0, (line, done.stderr)
        curls = lines("api.md", "curl")
        assert len(curls) >= 8
        for line in curls:
            done = subprocess.run(["bash", "-c", line], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
            assert done.returncode == 0, (line, done.stderr)
            expected = re.search(r"#\s*(\d{3})\b", line)
            if expected:
                assert done.stdout.strip() == expected[1], line
        code = blocks("api.md", "python")
        assert code
        old = dict(os.environ)
        os.environ.update(ACCORD_URL=base, TOKEN=tokens["editor"], ADMIN_TOKEN=tokens["admin"])
        try:
            for block in code:
                exec(compile(block, "docs/api.md", "exec"), {})
        finally:
            os.environ.clear()
            os.environ.update(old)


@pytest.mark.parametrize("program", ["uvicorn", "gunicorn"])
def test_deploy_command_lines_serve(sqlite_url, program):
    prepare(sqlite_url)
    line = next(x for x in lines("deploy.md", program))
    port = free_port()
    args = shlex.split(line)
    env = {**os.environ, **dict(a.split("=", 1) for a in args if "=" in a and not a.startswith("-") and "://" in a)}
    env["ACCORD_DB"] = sqlite_url
    args = [a for a in args if not ("=" in a and "://" in a)]
    args = [a.replace("8000", str(port)) for a in args]
    args[0] = str(Path(sys.executable).with_name(args[0]))
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/cases", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "no answer"
                time.sleep(0.2)  # waiting for start-up
        assert r.status_code == 401
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()["info"]["title"] == "accord"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
