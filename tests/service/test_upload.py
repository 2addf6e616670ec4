"""POST /api/v1/cases/bundle: an admin loads a zipped bundle with `accord case load`'s loader; a bundle
that does not validate is 422 with one line per error naming the file as zipped; nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.cli.conftest import MINI
from tests.service.conftest import Served

URL = "/api/v1/cases/bundle"


def zipped(folder: Path = MINI, change: dict[str, str] | None = None, prefix: str = "mini/") -> bytes:
    files = {p.name: p.read_text() for p in sorted(folder.iterdir())}
    files.update(change or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in files.items():
            z.writestr(prefix + name, text)
    return out.getvalue()


def post(served: Served, data: bytes, role: str = "admin", **params):
    return served.client(role).post(URL, content=data, params=params, headers={"Content-Type": "application/zip"})


def versions(served: Served) -> int:
    from accord.store import Store

    store = Store.open(served.db)
    try:
        return store.count_versions()
    finally:
        store.close()


def test_an_admin_loads_a_zipped_bundle_as_case_load_does(served: Served):
    case = (MINI / "case.yaml").read_text().replace("id: mini", "id: mini-two")
    r = post(served, zipped(change={"case.yaml": case}, prefix=""))
    assert r.status_code == 200, r.text
    assert r.json()["case"] == "mini-two" and r.json()["created"] > 5
    assert "mini-two" in served.client("viewer").get("/api/v1/cases").json()["cases"]
    again = post(served, zipped(change={"case.yaml": case}))  # the same bundle, zipped as a folder
    assert again.status_code == 200 and again.json()["created"] == 0 and again.json()["updated"] == 0
    assert post(served, zipped(), role="editor").status_code == 403


def test_a_bad_bundle_is_422_with_one_line_per_error_and_writes_nothing(served: Served):
    before = versions(served)
    actors = (MINI / "actors.yaml").read_text().replace("name: Beta", "name: Beta\n  kind: planet", 1)
    r = post(served, zipped(change={"actors.yaml": actors}))
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["detail"].endswith("nothing was written")
    assert body["errors"] and all(line.startswith("mini/actors.yaml:") for line in body["errors"]), body
    assert "kind" in body["errors"][0]
    for data, message in ((b"not a zip", "not a zip archive"), (zipped(prefix="a/b/"), "at the archive's top or in one folder")):
        r = post(served, data)
        assert r.status_code == 422 and message in r.json()["detail"], r.text
        assert len(r.json()["errors"]) == 1 and "\n" not in r.json()["detail"]
    assert versions(served) == before


def test_a_reload_that_would_delete_is_409_unless_pruned(served: Served):
    positions = MINI / "positions.yaml"
    fewer = "\n".join(line for line in positions.read_text().splitlines() if "actor: beta" not in line) + "\n"
    before = versions(served)
    refused = post(served, zipped(change={"positions.yaml": fewer}))
    assert refused.status_code == 409 and "nothing was written" in refused.json()["detail"]
    assert versions(served) == before
    dry = post(served, zipped(change={"positions.yaml": fewer}), prune="true", dry_run="true")
    assert dry.status_code == 200 and dry.json()["dry_run"] and versions(served) == before
    done = post(served, zipped(change={"positions.yaml": fewer}), prune="true")
    assert done.status_code == 200 and done.json()["deleted"] == 1
