"""What may import what: the domain stays free of I/O and frameworks; entry points stay on top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "services"
KIT = ROOT / "libs" / "kit" / "src" / "sme_kit"
FRAMEWORKS = ("sqlalchemy", "fastapi", "starlette", "faststream", "aiokafka", "httpx", "alembic", "sme_kit")
# The kit's pure modules, the shared vocabulary and the kinds of refusal, are all a domain may take from it.
PURE_KIT = ("sme_kit.errors", "sme_kit.vocabulary")
# What the HTTP edge alone knows: the web framework and the problem+json types.
HTTP = ("fastapi", "starlette", "sme_kit.problems", "sme_kit.http", "sme_kit.http_auth", "sme_kit.http_files")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules(layer: str) -> list[tuple[str, Path]]:
    return [
        (service.name, path)
        for service in sorted(SERVICES.iterdir())
        for path in sorted((service / "src" / f"sme_{service.name}" / layer).rglob("*.py"))
    ]


@pytest.mark.parametrize(("service", "path"), modules("domain"), ids=lambda v: getattr(v, "name", v))
def test_the_domain_imports_no_framework_and_no_outer_layer(service: str, path: Path) -> None:
    outer = tuple(f"sme_{service}.{layer}" for layer in ("adapters", "service_layer", "entrypoints", "bootstrap"))
    offending = {name for name in imports_of(path) if name.startswith(FRAMEWORKS + outer) and name not in PURE_KIT}
    assert not offending, f"{path.relative_to(SERVICES)} imports {sorted(offending)}"


@pytest.mark.parametrize("module", PURE_KIT)
def test_what_the_domains_take_from_the_kit_is_pure(module: str) -> None:
    path = KIT / f"{module.split('.')[-1]}.py"
    allowed = {"__future__", "collections", "dataclasses", "datetime", "re", "typing", "zoneinfo", "stdnum"}
    offending = {
        name
        for name in imports_of(path)
        if name.split(".")[0] not in allowed and not (name.startswith("sme_kit.") and name in PURE_KIT)
    }
    assert not offending, f"{module} imports {sorted(offending)}"


@pytest.mark.parametrize(("service", "path"), modules("service_layer"), ids=lambda v: getattr(v, "name", v))
def test_use_cases_know_nothing_of_http(service: str, path: Path) -> None:
    offending = {name for name in imports_of(path) if name == "sme_kit.http" or name.startswith(HTTP)}
    assert not offending, f"{path.relative_to(SERVICES)} imports {sorted(offending)}"


@pytest.mark.parametrize(("service", "path"), modules("entrypoints"), ids=lambda v: getattr(v, "name", v))
def test_entry_points_reach_data_through_use_cases_not_adapters(service: str, path: Path) -> None:
    offending = {name for name in imports_of(path) if name.startswith(f"sme_{service}.adapters")}
    assert not offending, f"{path.relative_to(SERVICES)} imports {sorted(offending)}"


@pytest.mark.parametrize(
    ("service", "path"), modules("service_layer") + modules("adapters"), ids=lambda v: getattr(v, "name", v)
)
def test_use_cases_and_adapters_do_not_import_entry_points(service: str, path: Path) -> None:
    offending = {
        name for name in imports_of(path) if name.startswith((f"sme_{service}.entrypoints", f"sme_{service}.bootstrap"))
    }
    assert not offending, f"{path.relative_to(SERVICES)} imports {sorted(offending)}"


def test_no_service_imports_another_service() -> None:
    others = {f"sme_{s.name}" for s in SERVICES.iterdir()}
    for service in SERVICES.iterdir():
        for path in (service / "src").rglob("*.py"):
            foreign = {n for n in imports_of(path) if n.split(".")[0] in others - {f"sme_{service.name}"}}
            assert not foreign, f"{path.relative_to(SERVICES)} imports another service: {sorted(foreign)}"
