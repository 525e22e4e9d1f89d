"""Shared fixtures: a small, valid numclaims project copied into a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Under CI (CI=true, as .ci/run is run) every property test is derandomized with no example database: the
# same examples on every machine, so a red run is reproducible and never a matter of luck. Locally the
# tests stay random, so new failing examples can still be found (and then pinned with @example).
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")

HERE = Path(__file__).parent
PROJECT = HERE / "data" / "project"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of ``tests/data/project`` (claims/town-news.yaml, its source and metadata) in ``tmp_path``."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    return root


def write_project(root: Path, article: str, text: str, meta: str, claims: str) -> Path:
    """A one-article project at ``root``: ``datasets/sources/<article>.txt`` and ``.meta.yaml`` and
    ``claims/<article>.yaml`` written from the three texts; returns the claims file's path."""
    (root / "claims").mkdir(parents=True)
    (root / "datasets" / "sources").mkdir(parents=True)
    (root / "datasets" / "sources" / f"{article}.txt").write_text(text, encoding="utf-8")
    (root / "datasets" / "sources" / f"{article}.meta.yaml").write_text(meta, encoding="utf-8")
    path = root / "claims" / f"{article}.yaml"
    path.write_text(claims, encoding="utf-8")
    return path


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """``{relative path: bytes}`` of every file under ``folder`` (empty when it does not exist)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


CLAIM_IDS = ("rescued-300", "workers-1600", "minors-40-percent", "earnings-5000-month", "period-two-years",
             "fortune-120000")


def add_articles(root: Path, n: int) -> list[str]:
    """Add ``n`` copies of the town-news article to the project at ``root`` (articles ``town-news-1`` ...,
    each with its own source copy and claim ids prefixed ``a<k>-``); returns the new article ids."""
    claims = (PROJECT / "claims" / "town-news.yaml").read_text(encoding="utf-8")
    src = PROJECT / "datasets" / "sources"
    out = []
    for k in range(1, n + 1):
        aid = f"town-news-{k}"
        text = claims.replace("town-news", aid)
        for cid in CLAIM_IDS:
            text = text.replace(f" {cid}", f" a{k}-{cid}")
        (root / "claims" / f"{aid}.yaml").write_text(text, encoding="utf-8")
        shutil.copy(src / "town-news.txt", root / "datasets" / "sources" / f"{aid}.txt")
        meta = (src / "town-news.meta.yaml").read_text(encoding="utf-8").replace("id: town-news", f"id: {aid}")
        (root / "datasets" / "sources" / f"{aid}.meta.yaml").write_text(meta, encoding="utf-8")
        out.append(aid)
    return out


ROOT = HERE.parent
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


def copy_seed(dest: Path, datasets: str = "all") -> Path:
    """Copy the seed article's claims file and the project's datasets (``"all"``) or only its source
    captures (``"sources"``) into ``dest``; returns ``dest``. Other articles under ``claims/`` are left out,
    so tests about the seed keep passing when an article is added to the project."""
    (dest / "claims").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "claims" / f"{SEED}.yaml", dest / "claims")
    if datasets == "all":
        shutil.copytree(ROOT / "datasets", dest / "datasets")
    else:
        shutil.copytree(ROOT / "datasets" / "sources", dest / "datasets" / "sources")
    return dest


def results_data(path, root):
    """The results of one claims file (:func:`numclaims.engine.check_article`, a typed
    :class:`numclaims.resultmodel.Results`) as the JSON data results.json holds: what these tests assert."""
    from numclaims.engine import check_article
    from numclaims.fastjson import data

    return data(check_article(path, root))


def sketch(model, values):
    """A typed results object (``model``, e.g. :class:`numclaims.resultmodel.Results`) from a partial dict
    written in a test: the fields it names, nested objects as their models, every other field None (or
    the model's default), built without validation (as the engine builds them)."""
    import typing

    from pydantic import BaseModel

    def convert(ann, v):
        if v is None:
            return None
        union = typing.get_origin(ann) in (typing.Union, getattr(__import__("types"), "UnionType", None))
        for arg in (typing.get_args(ann) if union else (ann,)):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and isinstance(v, dict):
                return sketch(arg, v)
            if typing.get_origin(arg) is list and isinstance(v, list):
                (item,) = typing.get_args(arg)
                return [convert(item, x) for x in v]
        return v

    fields = {k: (None if f.is_required() else f.get_default(call_default_factory=True))
              for k, f in model.model_fields.items()}
    for k, v in values.items():
        fields[k] = convert(model.model_fields[k].annotation, v) if k in model.model_fields else v
    return model.model_construct(**fields)
