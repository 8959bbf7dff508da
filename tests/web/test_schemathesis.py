"""Property-based tests of the REST API from its own OpenAPI document (schemathesis over ASGI, no server).

Checks: no 5xx answer, and every documented answer conforms to its declared schema. Cases come from
``APIOperation.as_strategy()`` under plain hypothesis ``@given``: schemathesis's pytest plugin
(``schema.parametrize()`` / ``from_fixture``) reads ``request.node._nodeid``, which pytest 9 no longer
has. Examples are few (``max_examples``) so the module stays fast.
"""

from __future__ import annotations

import re
import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance

from corroborate.serve import create_app
from corroborate.settings import Settings

CHECKS = [not_a_server_error, response_schema_conformance]
TOKEN = "schemathesis-token-31f9"
GET_ROUTES = ["/api/stories", "/api/stories/{}", "/api/articles/{}", "/api/entities/{}", "/api/search"]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


def fast(max_examples: int = 15):
    return settings(max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def operations(schema, method: str) -> dict:
    ops = (result.ok() for result in schema.get_all_operations())
    return {shape(op.path): op for op in ops if op.method.upper() == method}


@pytest.fixture(scope="module")
def api_schema(module_store: Settings):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(module_store))


@pytest.fixture(scope="module")
def writable_api_schema(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("schemathesis-writes") / "store.duckdb"
    shutil.copyfile(corpus.db, db)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db=str(db), workers=1), token=TOKEN))


def fuzz(operation, mode: GenerationMode, max_examples: int = 15, **call) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @fast(max_examples)
    def run(case) -> None:
        case.call_and_validate(**call)

    run()


# Negative cases (invalid input, expected 4xx) only exist where a parameter is constrained: the item routes
# take any string as id, so there they are positive only.
GET_CASES = [(route, GenerationMode.POSITIVE) for route in GET_ROUTES] + [
    (route, GenerationMode.NEGATIVE) for route in ("/api/stories", "/api/search")
]


@pytest.mark.parametrize(("route", "mode"), GET_CASES, ids=lambda v: getattr(v, "value", v))
def test_get_route(api_schema, route, mode) -> None:
    ops = operations(api_schema, "GET")
    assert route in ops, f"GET {route} is not in /openapi.json (has {sorted(ops)})"
    fuzz(ops[route], mode, checks=CHECKS)


def test_other_get_routes(api_schema) -> None:
    """Any GET route the app adds beyond the contract's is fuzzed too."""
    for route, operation in operations(api_schema, "GET").items():
        if route not in GET_ROUTES:
            fuzz(operation, GenerationMode.POSITIVE, max_examples=8, checks=CHECKS)


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_post_articles_with_token(writable_api_schema, mode) -> None:
    ops = operations(writable_api_schema, "POST")
    assert "/api/articles" in ops
    fuzz(
        ops["/api/articles"],
        mode,
        max_examples=8,
        headers={"Authorization": f"Bearer {TOKEN}"},
        checks=[not_a_server_error],
    )


def test_get_routes_with_known_ids(api_schema, corpus) -> None:
    """Generated ids almost never exist; call each item route with every real id too."""
    known = {
        "stories": [s["id"] for s in corpus.stories],
        "articles": [a["id"] for a in corpus.articles],
        "entities": sorted({e["id"] for s in corpus.stories for e in s["entities"]}),
    }
    called = 0
    for route, operation in operations(api_schema, "GET").items():
        names = re.findall(r"\{(\w+)\}", operation.path)
        if not names:
            continue
        (name,) = names
        for item_id in known.get(route.strip("/").split("/")[1], []):
            response = operation.Case(path_parameters={name: item_id}).call_and_validate(checks=CHECKS)
            assert response.status_code == 200, (operation.path, item_id)
            called += 1
    assert called == sum(len(ids) for ids in known.values())
