"""``numclaims serve``: the review queue of one project as a local web page.

A Starlette application (:func:`make_app`) served by uvicorn on 127.0.0.1 (by default; any other address
must be asked for). Pages are rendered with the project's Jinja2 environment (:func:`numclaims.report.
_environment`, autoescape on) from ``templates/serve.html.j2``; no JavaScript.

* ``GET /``: every claim still ``unreviewed``, worst findings first (:func:`numclaims.review.review_queue`),
  then the claims already decided; each with its quote highlighted in its sentences, its checks with verdict
  and arithmetic, and a form to record a decision (status, reviewer, note).
* ``POST /review``: records the decision through :func:`numclaims.review.set_review` (the round-trip writer
  of ``numclaims review set``), re-checks the project as ``numclaims check`` does (reports rewritten), and
  answers with the page again, the claim's new status and verdicts on top.
* ``POST /proposal``: accepts or drops a check still ``status: proposed`` (drafted by ``numclaims new`` or
  ``suggest``) through :func:`numclaims.decisions.edit_check` (the round-trip writer of ``numclaims review
  accept|drop``), re-checks the project as ``POST /review`` does and answers with the page again, the
  outcome and the new verdicts on top. The page lists each article's proposed checks under "Proposed
  checks", each with the sentence the report gives it and the words that suggested it.
* ``GET /report/<article>``: the article's ``reports/<article>/report.html`` as last written.

Protection:

* Cross-site request forgery: every form carries a token, the HMAC-SHA256 (key: random, per server process)
  of a random session id held in a ``SameSite=Strict``, ``HttpOnly`` cookie; a POST whose token does not
  match its cookie, or whose ``Origin`` / ``Referer`` names another site, is refused (403).
* DNS rebinding: a request whose ``Host`` is not the address served (or ``localhost`` on the same port) is
  refused (400).
* Concurrent edits: each form carries the SHA-256 of the claims file as it was when the page was rendered; if
  the file has changed since (another tab, an editor, ``review set``), the decision (on a claim or a proposed
  check) is refused (409), the page says so and shows the decision as typed, so nothing is lost and nothing
  is overwritten.
* Every response has ``Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action
  'self'; frame-ancestors 'none'``, so no script runs and the page cannot be framed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from .atomic import write_atomic
from .decisions import edit_check
from .paths import claims_files, display_path, report_dir
from .report import VERDICT_LABELS, _environment, build_view, source_text_for
from .resultmodel import Results
from .resultmodel import cleaned
from .review import ReviewError, review_queue, set_review
from .runner import check_corpus, commit_staged
from .verdicts import worst_by_claim
from .yamlio import YamlInputError, read_text_strict

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
COOKIE = "numclaims_session"
DECISIONS = ("verified", "disputed", "unverifiable", "unreviewed")
PROPOSAL_ACTIONS = ("accept", "drop")


class ReviewServer:
    """The state of one served project: its ``root``, the CSRF key, the addresses accepted as ``Host`` and
    a lock serialising decisions (one writer at a time).

    Args:
        root: the project root.
        hosts: the ``host:port`` values a request may name (see :func:`make_app`).
    """

    def __init__(self, root: Path, hosts: set[str]):
        self.root = Path(root).resolve()
        self.key = secrets.token_bytes(32)
        self.hosts = hosts
        self.lock = threading.Lock()

    # ------------------------------------------------------------------ CSRF
    def token(self, session: str) -> str:
        """The form token of a session id: hex HMAC-SHA256 under the server's key."""
        return hmac.new(self.key, session.encode("utf-8"), hashlib.sha256).hexdigest()

    def token_ok(self, session: str | None, token: str | None) -> bool:
        """True when ``token`` is the token of ``session`` (constant-time comparison)."""
        return bool(session) and bool(token) and hmac.compare_digest(self.token(session), token)

    # ------------------------------------------------------------------ data
    def check(self, write: bool = False) -> tuple[list[dict[str, Any]], list[str], dict[str, Path]]:
        """Check every claims file; with ``write``, publish the report files as ``numclaims check`` does
        (rendered into a staging folder, renamed into ``reports/`` once all are checked). Returns
        ``(results, error lines, {article: claims file})``. Call under :attr:`lock`."""

        files = claims_files(self.root)
        staging = Path(tempfile.mkdtemp(prefix=".numclaims-staging-", dir=self.root)) if write else None
        try:
            outcome = check_corpus(files, self.root, staging=staging)
            if staging is not None:
                commit_staged(outcome.staged)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
        paths = {r.article: self.root / r.provenance.claims_file.path for r in outcome.results}
        # the page shows the values a reader of results.json sees (integral floats as ints)
        return [cleaned(r) for r in outcome.results], [str(e) for e in outcome.errors], paths


def file_sha(path: Path) -> str:
    """Hex SHA-256 of a claims file's bytes ("" when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def page_view(server: ReviewServer, results: list[Results], errors: list[str], paths: dict[str, Path],
              notice: dict[str, Any] | None = None) -> dict[str, Any]:
    """What ``serve.html.j2`` shows: ``queue`` and ``decided`` (claim views of
    :func:`numclaims.report.build_view`, each with ``article``, ``sha`` of its file and ``file``),
    ``proposals`` (per article with checks still ``status: proposed``: ``{"article", "file", "sha",
    "checks"}``, the check views of the report's "proposed" list, each with ``ex.sentence`` and
    ``proposed_because``), ``errors`` (input error lines), ``notice`` (the outcome of the last decision, or
    None), ``labels``."""

    views = {}
    proposals = []
    for res in results:
        v = build_view(res, source_text_for(res.source.id, server.root), [], None)
        p = paths.get(res.article)
        sha = file_sha(p) if p else ""
        file = display_path(p, server.root) if p else ""
        for c in v["claims"]:
            c["article"] = res.article
            c["sha"] = sha
            c["file"] = file
            views[(res.article, c["id"])] = c
        if v["proposed"]:
            proposals.append({"article": res.article, "file": file, "sha": sha, "checks": v["proposed"]})
    queue = [views[(it.article, it.claim)] for it in review_queue(results)]
    decided = [c for c in views.values() if c["status"] != "unreviewed"]
    return {"queue": queue, "decided": decided, "proposals": proposals, "errors": errors, "notice": notice,
            "labels": VERDICT_LABELS,
            "articles": [r.article for r in results], "statuses": DECISIONS,
            "today": dt.date.today().isoformat()}


def make_app(root: Path, host: str = "127.0.0.1", port: int = 8765):
    """The Starlette application serving the project at ``root``; ``host``/``port`` are the address it is
    served on (a request must name it, or ``localhost`` on the same port, as its ``Host``)."""

    hosts = {f"{host}:{port}", f"localhost:{port}", f"127.0.0.1:{port}"}
    server = ReviewServer(root, hosts)

    def render(session: str, view: dict[str, Any], status: int = 200) -> Response:
        html = _environment().get_template("serve.html.j2").render(v=view, csrf=server.token(session))
        resp = HTMLResponse(html, status_code=status)
        return resp

    def guard(request: Request) -> Response | None:
        if request.headers.get("host", "") not in server.hosts:
            return Response("unknown Host: numclaims serve answers only to the address it serves\n",
                            status_code=400, media_type="text/plain")
        return None

    def session_of(request: Request) -> tuple[str, bool]:
        s = request.cookies.get(COOKIE)
        if s and len(s) == 43:
            return s, False
        return secrets.token_urlsafe(32), True

    def finish(resp: Response, session: str, new: bool) -> Response:
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"
        resp.headers["Cache-Control"] = "no-store"
        if new:
            resp.set_cookie(COOKIE, session, httponly=True, samesite="strict", path="/")
        return resp

    async def index(request: Request) -> Response:
        bad = guard(request)
        if bad:
            return bad
        session, new = session_of(request)
        with server.lock:
            results, errors, paths = server.check()
        return finish(render(session, page_view(server, results, errors, paths)), session, new)

    async def authorised(request: Request) -> tuple[Response | None, str, Any]:
        """``(refusal or None, session, form)`` of a POST: the Host, Origin/Referer and CSRF checks every
        form goes through."""
        bad = guard(request)
        if bad:
            return bad, "", None
        origin = request.headers.get("origin") or request.headers.get("referer")
        if origin and not any(origin == f"http://{h}" or origin.startswith(f"http://{h}/") for h in server.hosts):
            return Response("cross-site request refused\n", status_code=403, media_type="text/plain"), "", None
        session = request.cookies.get(COOKIE)
        form = await request.form()
        if not server.token_ok(session, form.get("csrf")):
            return Response("missing or wrong form token (reload the page and try again)\n", status_code=403,
                            media_type="text/plain"), "", None
        return None, str(session), form

    async def review(request: Request) -> Response:
        refused, session, form = await authorised(request)
        if refused:
            return refused
        f = {k: str(form.get(k) or "") for k in ("article", "claim", "status", "reviewer", "note", "sha", "date")}
        status_code = 200
        with server.lock:
            results, errors, paths = server.check()
            path = paths.get(f["article"])
            notice: dict[str, Any] = {"kind": "claim", "claim": f["claim"], "article": f["article"], "typed": f}
            if path is None:
                notice.update(ok=False, message=f"article {f['article']!r} has no valid claims file")
                status_code = 409
            elif file_sha(path) != f["sha"]:
                notice.update(ok=False, message=f"{path.name} changed since this page was rendered: your decision "
                              "was not recorded. The page below shows the file as it is now; your entry is kept "
                              "in the form above, record it again if it still holds.")
                status_code = 409
            else:
                try:
                    date = dt.date.fromisoformat(f["date"]) if f["date"] else None
                    set_review(server.root, f["claim"], f["status"], f["reviewer"] or None, f["note"] or None,
                               date, f["article"])
                except ValueError:
                    notice.update(ok=False, message=f"date: expected YYYY-MM-DD, got {f['date']!r}")
                    status_code = 400
                except ReviewError as e:
                    notice.update(ok=False, message=str(e))
                    status_code = 400
                else:
                    results, errors, paths = server.check(write=True)  # re-check: reports rewritten
                    res = next((r for r in results if r.article == f["article"]), None)
                    claim = next((c for c in (res.claims if res else ()) if c.id == f["claim"]), None)
                    verdicts = [(ch.id, ch.verdict) for ch in (res.checks if res else ())
                                if f["claim"] in ch.claims]
                    notice.update(ok=True, status=claim.status if claim else f["status"], verdicts=verdicts,
                                  message=f"claim {f['claim']}: status {f['status']} recorded in {path.name}; "
                                          "article re-checked")
                    notice["typed"] = None
        return finish(render(session, page_view(server, results, errors, paths, notice), status_code), session, False)

    async def proposal(request: Request) -> Response:
        refused, session, form = await authorised(request)
        if refused:
            return refused
        f = {k: str(form.get(k) or "") for k in ("article", "check", "action", "sha")}
        done = {"accept": "accepted in", "drop": "dropped from"}.get(f["action"], f["action"])
        status_code = 200
        with server.lock:
            results, errors, paths = server.check()
            path = paths.get(f["article"])
            res = next((r for r in results if r.article == f["article"]), None)
            before = next((ch for ch in (res.checks if res else ()) if ch.id == f["check"]), None)
            notice: dict[str, Any] = {"kind": "proposal", "check": f["check"], "article": f["article"],
                                      "action": f["action"], "typed": f}
            text = None
            if f["action"] not in PROPOSAL_ACTIONS:
                notice.update(ok=False, message=f"action: expected accept or drop, got {f['action']!r}")
                status_code = 400
            elif path is None:
                notice.update(ok=False, message=f"article {f['article']!r} has no valid claims file")
                status_code = 409
            else:
                try:
                    text = read_text_strict(path)  # the SHA is of the very text that is edited
                except (OSError, YamlInputError) as e:
                    notice.update(ok=False, message=f"{path.name}: cannot be read: {e}")
                    status_code = 409
            if text is not None:
                display = display_path(path, server.root)
                if hashlib.sha256(text.encode("utf-8")).hexdigest() != f["sha"]:
                    notice.update(ok=False, message=f"{path.name} changed since this page was rendered: your "
                                  f"decision to {f['action']} check {f['check']} was not recorded. The page below "
                                  "shows the file as it is now; decide again if it still holds.")
                    status_code = 409
                elif before is None or before.status != "proposed":
                    notice.update(ok=False, message=f"{display}:0: check {f['check']}: status: not a proposed "
                                  f"check of article {f['article']}; nothing to {f['action']}")
                    status_code = 400
                else:
                    try:
                        new = edit_check(text, f["check"], f["action"], display)
                        if new != text:
                            write_atomic(path, new)
                    except ReviewError as e:
                        notice.update(ok=False, message=str(e))
                        status_code = 400
                    except OSError as e:
                        notice.update(ok=False, message=f"{display}: cannot be written: {e}")
                        status_code = 409
                    else:
                        results, errors, paths = server.check(write=True)  # re-check: reports rewritten
                        res = next((r for r in results if r.article == f["article"]), None)
                        after = next((ch for ch in (res.checks if res else ()) if ch.id == f["check"]), None)
                        worst = worst_by_claim(res) if res else {}
                        notice.update(
                            ok=True, verdict=after.verdict if after else None,
                            claims=[(cid, worst.get(cid)) for cid in dict.fromkeys(before.claims)],
                            message=f"check {f['check']}: {done} {path.name}"
                                    + (" (status: proposed removed, its reason kept)" if f["action"] == "accept"
                                       else "") + "; article re-checked")
                        notice["typed"] = None
        return finish(render(session, page_view(server, results, errors, paths, notice), status_code), session, False)

    async def report(request: Request) -> Response:
        bad = guard(request)
        if bad:
            return bad
        article = request.path_params["article"]
        with server.lock:
            results, _, _ = server.check()
        if article not in {r.article for r in results}:
            return Response("no such article\n", status_code=404, media_type="text/plain")
        try:
            html = (report_dir(server.root, article) / "report.html").read_text(encoding="utf-8")
        except (OSError, ValueError):
            return Response("report.html not written (see the errors on the review page)\n", status_code=404,
                            media_type="text/plain")
        session, new = session_of(request)
        return finish(HTMLResponse(html), session, new)

    app = Starlette(routes=[Route("/", index, methods=["GET"]), Route("/review", review, methods=["POST"]),
                            Route("/proposal", proposal, methods=["POST"]),
                            Route("/report/{article}", report, methods=["GET"])])
    app.state.server = server
    return app
