"""The dashboard in a real headless Chromium (Debian's, driven by Playwright) against `accord serve`:
every page loads without a console error, the vote simulator's veto, review accept and the date
control work end to end. ACCORD_SCREENSHOTS=FOLDER also saves a PNG of each page there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from accord.ingest.batch import ingest_object
from accord.store import Store, users
from tests.service.server import serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)")
PAGES = ["/", "/timeline", "/network", "/positions", "/lists", "/votes", "/roadmap", "/documents", "/review", "/monitor"]
DATE = "2016-03-06"
TEXT = ("Russian Foreign Minister Sergei Lavrov said on 14 November 2015 that Moscow supports a ceasefire. "
        "Saudi Arabia met the High Negotiations Committee in Riyadh on 10 December 2015.")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("browser") / "accord.db")
    store = Store.open(db)
    from accord.record.bundle import read_bundle

    bundle = read_bundle("syria-2015")
    store.load(bundle.id, bundle.records, "loader", source="test")
    token = users.add(store, "ann", "analyst")[1]
    ingest_object(store, bundle.id, {"text": TEXT, "title": "A test note", "published": "2015-12-11"}, "loader")
    store.close()
    with serving(db, workers=1) as base:
        yield base, token, db


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(site, browser):
    base, token, _ = site
    context = browser.new_context(viewport={"width": 1100, "height": 760}, base_url=base)
    context.add_cookies([{"name": "accord_token", "value": token, "url": base}])
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _shot(page, path: Path) -> None:
    """A small PNG: the page as shown, in 64 colours."""
    from PIL import Image

    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(64).save(path, optimize=True)


def test_every_page_loads_without_a_console_error(page):
    shots = os.environ.get("ACCORD_SCREENSHOTS")
    for path in PAGES:
        response = page.goto(f"{path}?date={DATE}")
        assert response.status == 200, path
        assert page.locator("main h1").count() == 1, path
        if shots:
            name = "overview" if path == "/" else path.strip("/")
            _shot(page, Path(shots) / f"{name}.png")
    assert page.errors == []
    if shots:  # the overview as a phone shows it
        page.set_viewport_size({"width": 390, "height": 780})
        page.goto(f"/?date={DATE}")
        _shot(page, Path(shots) / "overview-phone.png")


def test_the_login_page_sends_a_stranger_back_and_takes_a_token(site, browser):
    base, token, _ = site
    context = browser.new_context(base_url=base)
    pg = context.new_page()
    pg.goto("/votes")
    assert pg.url.endswith("/login?next=%2Fvotes")
    pg.fill("input[name=token]", "wrong")
    pg.click("button[type=submit]")
    assert "not valid" in pg.locator(".error").inner_text()
    pg.fill("input[name=token]", token)
    pg.click("button[type=submit]")
    pg.wait_for_url(f"{base}/votes")
    assert pg.locator("h1").inner_text() == "Vote simulator"
    context.close()


def test_the_vote_simulator_shows_a_veto(page):
    page.goto(f"/votes?date={DATE}&decision=unscr-2254")
    assert page.locator("#outcome b").inner_text() == "Adopted"
    with page.expect_navigation():
        page.select_option("select[name='vote.russia']", "no")  # the script submits the form on change
    assert page.locator("#outcome b").inner_text() == "Not adopted"
    assert "vetoed by Russia" in page.locator("#reason").inner_text()
    assert "would make it adopted" in page.locator("tr.changed").inner_text()
    assert page.errors == []


def test_review_accept_end_to_end(page, site):
    _, _, db = site
    page.goto(f"/review?date={DATE}")
    first = page.locator("tr[id^=cand-]").first
    cid = int(first.get_attribute("id").removeprefix("cand-"))
    with page.expect_navigation():
        first.get_by_role("button", name="Accept").click()
    assert page.locator("#done").inner_text() == f"accepted {cid}"
    assert page.locator(f"#cand-{cid}").count() == 0
    store = Store.open(db)
    with store.engine.connect() as conn:
        status, by = conn.exec_driver_sql(f"SELECT status, reviewed_by FROM ingest_candidate WHERE id = {cid}").one()
    store.close()
    assert (status, by) == ("accepted", "ann")
    assert page.errors == []


def test_the_date_control_changes_what_is_shown(page):
    page.goto(f"/timeline?date={DATE}")
    assert "unscr-2268" in page.content().lower() or "2268" in page.locator("table.timeline").inner_text()
    with page.expect_navigation():
        page.fill("#date", "2015-11-01")
        page.dispatch_event("#date", "change")
    shown = page.locator("table.timeline").inner_text()
    assert "2016-02" not in shown and "2268" not in shown
    assert page.locator("#date").input_value() == "2015-11-01"
    # the slider moves the same date: its far end is the case's last day
    with page.expect_navigation():
        page.eval_on_selector("#slider", "s => { s.value = s.max; s.dispatchEvent(new Event('input')); "
                                         "s.dispatchEvent(new Event('change')); }")
    assert page.locator("#date").input_value() > "2016-03-01"
    assert "2268" in page.locator("table.timeline").inner_text()
    assert page.errors == []
