"""`numclaims serve` in a real browser (Debian's chromium driven by Playwright) and over plain HTTP: the
queue, a decision recorded through the form landing in the YAML and in the re-rendered report, forgery and
concurrent edits refused. The server binds 127.0.0.1 only and every wait is bounded."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from numclaims.yamlio import load_yaml_text
from conftest import copy_seed

SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
CHROMIUM = "/usr/bin/chromium"
PUBLISHER = ('[claimreview]\nauthor = "Fact Desk"\nauthor_url = "https://factdesk.example/"\n'
             'base_url = "https://factdesk.example/reports"\n')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def served(tmp_path: Path):
    """The seed project served on 127.0.0.1:<free port> by uvicorn in a thread; yields (root, base url)."""
    import uvicorn

    from numclaims.serve import make_app

    root = tmp_path / "p"
    copy_seed(root, "all")
    (root / "numclaims.toml").write_text(PUBLISHER, encoding="utf-8")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(root, "127.0.0.1", port), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start within 20 s"
        time.sleep(0.05)
    yield root, f"http://127.0.0.1:{port}"
    server.should_exit = True
    t.join(timeout=10)


def _yaml_claim(root: Path, cid: str) -> dict:
    data = load_yaml_text((root / "claims" / f"{SEED}.yaml").read_text(encoding="utf-8"))
    return next(c for c in data["claims"] if c["id"] == cid)


def test_decision_in_the_browser_lands_in_the_yaml_and_the_report(served):
    from playwright.sync_api import sync_playwright

    root, base = served
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            assert page.goto(base + "/").status == 200
            # 16 claims, none decided; worst first: prostitutes-1600 (in inconsistent checks) leads
            assert page.locator("article.claim").count() == 16
            first = page.locator("article.claim").first
            assert first.locator("code.cid").first.inner_text() == "prostitutes-1600"
            assert "inconsistent" in first.locator(".badge").first.inner_text().lower()
            # the quote in its sentence, and the arithmetic of its checks
            assert first.locator("mark.quote").inner_text() == "As many as 1,600 adolescents and adults work as prostitutes there"
            assert "1,600" in first.locator(".explain").first.inner_text()
            first.locator("select[name=status]").select_option("disputed")
            first.locator("input[name=reviewer]").fill("Ana Ruiz")
            first.locator("input[name=date]").fill("2026-11-30")
            first.locator("textarea[name=note]").fill("The NGO's 2011 figures were 400 + 1,200 <b>not</b> a ceiling.")
            with page.expect_navigation():
                first.locator("button[type=submit]").click()
            notice = page.locator("#notice")
            assert "Recorded" in notice.inner_text()
            assert page.locator("#new-status").inner_text() == "disputed"
            # the new verdicts of its checks are shown; the claim left the queue for "Decided"
            assert "madre-de-dios-estimates-agree" in notice.inner_text()
            assert page.locator("article.claim").first.locator("code.cid").first.inner_text() != "prostitutes-1600"
            # the note with markup is shown as text in the Decided section (escaped, no <b> element)
            assert page.locator("#claim-%s--prostitutes-1600 .notes b" % SEED).count() == 0
            assert "<b>not</b>" in page.locator("#claim-%s--prostitutes-1600 .notes" % SEED).inner_text()
            # in the YAML, written by the round-trip writer of `review set`
            c = _yaml_claim(root, "prostitutes-1600")
            assert (c["status"], c["reviewer"], str(c["reviewed_on"])) == ("disputed", "Ana Ruiz", "2026-11-30")
            assert c["notes"] == "The NGO's 2011 figures were 400 + 1,200 <b>not</b> a ceiling."
            # in the re-rendered report, through the page's own link
            with page.expect_navigation():
                page.locator("#notice a").click()
            assert page.url.endswith(f"/report/{SEED}#claim-prostitutes-1600")
            review = page.locator("#claim-prostitutes-1600 .review").inner_text()
            assert "disputed" in review and "Ana Ruiz" in review and "30 November 2026" in review  # dates in words
            assert page.locator("b").count() == 0  # the note's markup is text, not HTML
        finally:
            browser.close()
    crs = json.loads((root / "reports" / SEED / "claimreview.json").read_text(encoding="utf-8"))
    assert [cr["url"] for cr in crs] == [f"https://factdesk.example/reports/{SEED}/report.html#claim-prostitutes-1600"]


def _get(url: str, headers: dict | None = None) -> tuple[int, str, dict]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8"), dict(e.headers)


def _post(url: str, fields: dict, headers: dict | None = None) -> tuple[int, str]:
    data = urllib.parse.urlencode(fields).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                          **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _form_of(html: str, cid: str) -> dict:
    import re

    block = html.split(f'name="claim" value="{cid}"')[0].rsplit("<form", 1)[1]
    after = html.split(f'name="claim" value="{cid}"')[1]
    return {"csrf": re.search(r'name="csrf" value="([0-9a-f]+)"', block).group(1),
            "article": re.search(r'name="article" value="([^"]+)"', block).group(1),
            "sha": re.search(r'name="sha" value="([0-9a-f]*)"', after).group(1)}


def test_forgery_hosts_and_concurrent_edits_are_refused(served):
    root, base = served
    status, html, headers = _get(base + "/")
    assert status == 200
    assert "default-src 'none'" in headers["content-security-policy"]
    cookie = headers["set-cookie"].split(";")[0]
    assert "SameSite=strict" in headers["set-cookie"] or "samesite=strict" in headers["set-cookie"].lower()
    form = _form_of(html, "women-exploited-300")
    decision = {**form, "claim": "women-exploited-300", "status": "verified", "reviewer": "Ana", "note": "AP wire",
                "date": "2026-11-30"}
    before = (root / "claims" / f"{SEED}.yaml").read_bytes()
    # no cookie / a wrong token / another site's Origin: 403, nothing written
    assert _post(base + "/review", decision)[0] == 403
    assert _post(base + "/review", {**decision, "csrf": "0" * 64}, {"Cookie": cookie})[0] == 403
    assert _post(base + "/review", decision, {"Cookie": cookie, "Origin": "http://evil.example"})[0] == 403
    # a Host that is not the address served (DNS rebinding): 400
    assert _get(base + "/", {"Host": "evil.example:80"})[0] == 400
    assert (root / "claims" / f"{SEED}.yaml").read_bytes() == before
    # the file changes after the page was rendered (an editor, another tab): 409, the entry shown back
    p = root / "claims" / f"{SEED}.yaml"
    p.write_bytes(before + b"# edited elsewhere\n")
    status, body = _post(base + "/review", decision, {"Cookie": cookie})
    assert status == 409
    assert "changed since this page was rendered" in body and "AP wire" in body
    assert p.read_bytes() == before + b"# edited elsewhere\n"  # not overwritten
    # reloaded: the new fingerprint is accepted
    status, html, _ = _get(base + "/", {"Cookie": cookie})
    decision["sha"] = _form_of(html, "women-exploited-300")["sha"]
    status, body = _post(base + "/review", decision, {"Cookie": cookie, "Origin": base})
    assert status == 200 and "Recorded" in body
    assert _yaml_claim(root, "women-exploited-300")["status"] == "verified"
    assert p.read_text(encoding="utf-8").endswith("# edited elsewhere\n")  # the other edit kept
    # a decision without a note: the writer's one-line error, shown, nothing written
    status, html, _ = _get(base + "/", {"Cookie": cookie})
    f2 = _form_of(html, "suspects-arrested-7")
    status, body = _post(base + "/review", {**f2, "claim": "suspects-arrested-7", "status": "disputed",
                                            "reviewer": "Ana", "note": "", "date": ""}, {"Cookie": cookie})
    assert status == 400 and "notes: a decision needs --note TEXT" in body
    assert _yaml_claim(root, "suspects-arrested-7").get("status", "unreviewed") == "unreviewed"


def test_serve_refuses_an_address_in_use_with_one_line(tmp_path, capsys):
    from numclaims.cli import main

    root = tmp_path / "p"
    copy_seed(root, "sources")
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        assert main(["serve", "--root", str(root), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"127.0.0.1:{port}: cannot listen: ") and err.count("\n") == 1
    assert main(["serve", "--root", str(root), "--port", "0"]) == 2
    assert capsys.readouterr().err == "--port must be 1 to 65535, got 0\n"
