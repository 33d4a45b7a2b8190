"""Tokens, principals, the dev-token command and the FastAPI bearer dependencies."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Annotated, Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI

from sme_kit.auth import AuthError, AuthUnavailable, Principal, Role, TokenVerifier, main, mint_dev_token
from sme_kit.http_auth import CurrentPrincipal, OptionalPrincipal, require_roles
from sme_kit.problems import install_problem_handlers
from sme_kit.testing.clocks import shifted_clock_environment
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS

SECRET = "unit-test-secret-that-is-long-enough-for-hs256"
TIANHE = "440106"
USCC = "91440106MA59B1234X"


@pytest.fixture
def verifier() -> TokenVerifier:
    return TokenVerifier(dev_secret=SECRET)


def refusal(verifier: TokenVerifier, token: str) -> AuthError:
    with pytest.raises(AuthError) as caught:
        verifier.verify(token)
    return caught.value


# --- HS256 development tokens -------------------------------------------------------------


def test_dev_token_yields_principal_with_its_claims(verifier: TokenVerifier) -> None:
    token = mint_dev_token(
        SECRET, role=Role.STATION_OPERATOR, subject="u-1", org=USCC, station_id="st-9", name="运营人员"
    )

    principal = verifier.verify(token)

    assert principal == Principal(
        subject="u-1", role=Role.STATION_OPERATOR, name="运营人员", org=USCC, station_id="st-9"
    )


def test_token_signed_with_another_secret_is_refused(verifier: TokenVerifier) -> None:
    token = mint_dev_token("another-secret-that-is-also-long-enough!!", role=Role.BUREAU_ADMIN)

    error = refusal(verifier, token)

    assert error.code == "invalid_signature"
    assert "签名" in error.reason
    assert "signature" in error.reason


def test_expired_token_is_refused(verifier: TokenVerifier) -> None:
    token = mint_dev_token(SECRET, role=Role.BUREAU_ADMIN, ttl=timedelta(minutes=-5))

    assert refusal(verifier, token).code == "token_expired"


def test_token_without_expiry_is_refused(verifier: TokenVerifier) -> None:
    token = jwt.encode({"sub": "u-1", "role": "bureau_admin"}, SECRET, algorithm="HS256")

    assert refusal(verifier, token).code == "missing_claim"


def test_malformed_token_is_refused(verifier: TokenVerifier) -> None:
    assert refusal(verifier, "not-a-jwt").code == "malformed_token"


def test_token_without_role_is_refused(verifier: TokenVerifier) -> None:
    now = datetime.now(UTC)
    token = jwt.encode({"sub": "u-1", "exp": now + timedelta(hours=1)}, SECRET, algorithm="HS256")

    assert refusal(verifier, token).code == "invalid_role"


def test_token_with_unknown_role_is_refused(verifier: TokenVerifier) -> None:
    token = mint_dev_token(SECRET, role="superuser")

    assert refusal(verifier, token).code == "invalid_role"


def test_district_officer_token_without_district_is_refused(verifier: TokenVerifier) -> None:
    token = mint_dev_token(SECRET, role=Role.DISTRICT_OFFICER)

    error = refusal(verifier, token)

    assert error.code == "invalid_claims"
    assert "district" in error.reason


@pytest.mark.parametrize("district", ["440306", "440101", "4401", "44010a", "4401060"])
def test_district_officer_token_with_a_code_that_is_no_guangzhou_district_is_refused(
    verifier: TokenVerifier, district: str
) -> None:
    token = mint_dev_token(SECRET, role=Role.DISTRICT_OFFICER, district=district)

    assert refusal(verifier, token).code == "invalid_claims"


def test_district_officer_token_with_numeric_district_claim_is_accepted(verifier: TokenVerifier) -> None:
    now = datetime.now(UTC)
    claims = {"sub": "o-1", "role": "district_officer", "district": 440106, "exp": now + timedelta(hours=1)}

    principal = verifier.verify(jwt.encode(claims, SECRET, algorithm="HS256"))

    assert principal.district == TIANHE
    assert principal.district_name == "天河区"


def test_station_operator_token_without_org_is_refused(verifier: TokenVerifier) -> None:
    token = mint_dev_token(SECRET, role=Role.STATION_OPERATOR, station_id="st-1")

    error = refusal(verifier, token)

    assert error.code == "invalid_claims"
    assert "org" in error.reason


def test_issuer_and_audience_must_match_when_configured() -> None:
    strict = TokenVerifier(dev_secret=SECRET, issuer="https://idp.example", audience="sme-stations")
    good = mint_dev_token(SECRET, role=Role.BUREAU_ADMIN, issuer="https://idp.example", audience="sme-stations")
    wrong_issuer = mint_dev_token(
        SECRET, role=Role.BUREAU_ADMIN, issuer="https://evil.example", audience="sme-stations"
    )
    wrong_audience = mint_dev_token(SECRET, role=Role.BUREAU_ADMIN, issuer="https://idp.example", audience="other")

    assert strict.verify(good).role is Role.BUREAU_ADMIN
    assert refusal(strict, wrong_issuer).code == "invalid_issuer"
    assert refusal(strict, wrong_audience).code == "invalid_audience"


def test_expert_id_defaults_to_subject(verifier: TokenVerifier) -> None:
    principal = verifier.verify(mint_dev_token(SECRET, role=Role.EXPERT, subject="expert-42"))

    assert principal.expert_id == "expert-42"


@pytest.mark.parametrize(
    "kwargs", [{}, {"dev_secret": SECRET, "jwks_url": "https://idp.example/jwks.json"}, {"dev_secret": ""}]
)
def test_verifier_needs_exactly_one_key_source(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        TokenVerifier(**kwargs)


def test_guangzhou_district_table_lists_the_eleven_districts() -> None:
    assert len(GUANGZHOU_DISTRICTS) == 11
    assert all(code.startswith("4401") and len(code) == 6 for code in GUANGZHOU_DISTRICTS)
    assert GUANGZHOU_DISTRICTS["440118"] == "增城区"


# --- RS256 against a JWKS -----------------------------------------------------------------


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwks_document(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {"keys": [{**jwk, "kid": kid, "use": "sig", "alg": "RS256"}]}


def rs256_token(key: rsa.RSAPrivateKey, kid: str, **claims: Any) -> str:
    now = datetime.now(UTC)
    body = {"sub": "idp-user", "role": "head_station_staff", "iat": now, "exp": now + timedelta(hours=1), **claims}
    return jwt.encode(body, key, algorithm="RS256", headers={"kid": kid})


@pytest.fixture
def jwks_file(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> str:
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(jwks_document(rsa_key, "k1")), encoding="utf-8")
    return path.as_uri()


def test_rs256_token_is_verified_against_a_jwks_file(rsa_key: rsa.RSAPrivateKey, jwks_file: str) -> None:
    verifier = TokenVerifier(jwks_url=jwks_file)

    principal = verifier.verify(rs256_token(rsa_key, "k1"))

    assert principal.subject == "idp-user"
    assert principal.role is Role.HEAD_STATION_STAFF


def test_rs256_token_with_unknown_key_id_is_refused(rsa_key: rsa.RSAPrivateKey, jwks_file: str) -> None:
    verifier = TokenVerifier(jwks_url=jwks_file)

    assert refusal(verifier, rs256_token(rsa_key, "k2")).code == "unknown_key"


def test_rs256_token_signed_by_another_key_under_a_known_key_id_is_refused(jwks_file: str) -> None:
    impostor = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    verifier = TokenVerifier(jwks_url=jwks_file)

    assert refusal(verifier, rs256_token(impostor, "k1")).code == "invalid_signature"


def test_hs256_token_is_refused_by_a_jwks_verifier(jwks_file: str) -> None:
    # Algorithm confusion: an HS256 token must never be accepted where RS256 is expected.
    token = jwt.encode(
        {"sub": "x", "role": "bureau_admin", "exp": datetime.now(UTC) + timedelta(hours=1)},
        SECRET,
        algorithm="HS256",
        headers={"kid": "k1"},
    )

    with pytest.raises(AuthError):
        TokenVerifier(jwks_url=jwks_file).verify(token)


@pytest.fixture
def jwks_endpoint(rsa_key: rsa.RSAPrivateKey) -> Iterator[str]:
    body = json.dumps(jwks_document(rsa_key, "k1")).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    server.shutdown()
    server.server_close()


def test_rs256_token_is_verified_against_a_jwks_endpoint(rsa_key: rsa.RSAPrivateKey, jwks_endpoint: str) -> None:
    verifier = TokenVerifier(jwks_url=jwks_endpoint)

    principal = verifier.verify(rs256_token(rsa_key, "k1", role="district_officer", district="440113"))

    assert principal.district_name == "番禺区"


def test_unreachable_jwks_endpoint_is_unavailability_not_a_refusal(rsa_key: rsa.RSAPrivateKey) -> None:
    verifier = TokenVerifier(jwks_url="http://127.0.0.1:1/jwks.json")

    with pytest.raises(AuthUnavailable):
        verifier.verify(rs256_token(rsa_key, "k1"))


# --- Principal object-level checks ----------------------------------------------------------


def officer(district: str = TIANHE) -> Principal:
    return Principal(subject="o-1", role=Role.DISTRICT_OFFICER, district=district)


@pytest.mark.parametrize(
    ("principal", "visible"),
    [
        (Principal(subject="b", role=Role.BUREAU_ADMIN), True),
        (Principal(subject="h", role=Role.HEAD_STATION_STAFF), True),
        (Principal(subject="p", role=Role.PLATFORM_OPERATOR), True),
        (officer(TIANHE), True),
        (officer("440105"), False),
        (Principal(subject="e", role=Role.EXPERT), False),
        (Principal(subject="s", role=Role.STATION_OPERATOR, org=USCC), False),
    ],
)
def test_district_officer_sees_only_its_own_district(principal: Principal, visible: bool) -> None:
    assert principal.can_see_district(TIANHE) is visible


def test_operator_owns_only_its_own_organisation() -> None:
    operator = Principal(subject="s", role=Role.STATION_OPERATOR, org=USCC, station_id="st-1")

    assert operator.owns_org(USCC.lower())
    assert not operator.owns_org("91440101MA5CXXXX0X")
    assert operator.owns_station("st-1")
    assert not operator.owns_station("st-2")
    assert not Principal(subject="b", role=Role.BUREAU_ADMIN, org=USCC).owns_org(USCC)


def test_expert_acts_only_as_itself() -> None:
    expert = Principal(subject="e-1", role=Role.EXPERT)

    assert expert.acts_as_expert("e-1")
    assert not expert.acts_as_expert("e-2")
    assert not Principal(subject="e-1", role=Role.BUREAU_ADMIN).acts_as_expert("e-1")


def test_is_role_accepts_any_of_several_roles() -> None:
    assert officer().is_role(Role.BUREAU_ADMIN, Role.DISTRICT_OFFICER)
    assert not officer().is_role(Role.BUREAU_ADMIN)


def test_principal_cannot_be_built_without_what_its_role_needs() -> None:
    with pytest.raises(ValueError, match="district"):
        Principal(subject="o", role=Role.DISTRICT_OFFICER)
    with pytest.raises(ValueError, match="org"):
        Principal(subject="s", role=Role.STATION_OPERATOR)


# --- The mint command ---------------------------------------------------------------------------


def test_mint_command_prints_a_token_the_verifier_accepts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], verifier: TokenVerifier
) -> None:
    monkeypatch.setenv("AUTH_DEV_SECRET", SECRET)
    monkeypatch.delenv("AUTH_ISSUER", raising=False)
    monkeypatch.delenv("AUTH_AUDIENCE", raising=False)

    code = main(["mint", "--role", "district_officer", "--district", TIANHE, "--sub", "o-7", "--ttl-hours", "1"])

    assert code == 0
    principal = verifier.verify(capsys.readouterr().out.strip())
    assert (principal.subject, principal.district) == ("o-7", TIANHE)


def test_mint_command_refuses_without_a_dev_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("AUTH_DEV_SECRET", raising=False)

    assert main(["mint", "--role", "bureau_admin"]) == 2
    assert "AUTH_DEV_SECRET" in capsys.readouterr().err


def test_mint_command_refuses_a_district_officer_without_district(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AUTH_DEV_SECRET", SECRET)

    assert main(["mint", "--role", "district_officer"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "district" in captured.err


def test_mint_command_runs_as_python_dash_m(monkeypatch: pytest.MonkeyPatch, verifier: TokenVerifier) -> None:
    env = {"AUTH_DEV_SECRET": SECRET, "PATH": "/usr/bin:/bin", **shifted_clock_environment()}
    result = subprocess.run(
        [sys.executable, "-m", "sme_kit.auth", "mint", "--role", "station_operator", "--org", USCC],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )

    assert verifier.verify(result.stdout.strip()).org == USCC


# --- FastAPI dependencies -------------------------------------------------------------------


def build_app(verifier: Any) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    if verifier is not None:
        app.state.token_verifier = verifier

    @app.get("/me")
    def me(principal: CurrentPrincipal) -> dict[str, str]:
        return {"subject": principal.subject, "role": principal.role}

    @app.get("/public")
    def public(principal: OptionalPrincipal) -> dict[str, str | None]:
        return {"subject": principal.subject if principal else None}

    @app.get("/bureau", dependencies=[require_roles(Role.BUREAU_ADMIN)])
    def bureau() -> dict[str, bool]:
        return {"ok": True}

    @app.get("/district")
    def district(principal: Annotated[Principal, require_roles(Role.DISTRICT_OFFICER)]) -> dict[str, str | None]:
        return {"district": principal.district}

    return app


async def get(app: FastAPI, path: str, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get(path, headers=headers)


async def test_route_without_bearer_token_is_401_problem_with_www_authenticate(verifier: TokenVerifier) -> None:
    response = await get(build_app(verifier), "/me")

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["instance"] == "/me"


async def test_route_with_invalid_token_is_401_naming_the_reason(verifier: TokenVerifier) -> None:
    expired = mint_dev_token(SECRET, role=Role.BUREAU_ADMIN, ttl=timedelta(hours=-1))

    response = await get(build_app(verifier), "/me", expired)

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["code"] == "token_expired"
    assert "过期" in response.json()["detail"]


async def test_route_with_valid_token_sees_the_principal(verifier: TokenVerifier) -> None:
    token = mint_dev_token(SECRET, role=Role.EXPERT, subject="e-5")

    response = await get(build_app(verifier), "/me", token)

    assert response.json() == {"subject": "e-5", "role": "expert"}


async def test_route_requiring_a_role_refuses_other_roles_with_403(verifier: TokenVerifier) -> None:
    app = build_app(verifier)
    operator = mint_dev_token(SECRET, role=Role.STATION_OPERATOR, org=USCC)
    admin = mint_dev_token(SECRET, role=Role.BUREAU_ADMIN)
    tianhe = mint_dev_token(SECRET, role=Role.DISTRICT_OFFICER, district=TIANHE)

    assert (await get(app, "/bureau", operator)).status_code == 403
    assert (await get(app, "/bureau", admin)).status_code == 200
    assert (await get(app, "/bureau")).status_code == 401
    assert (await get(app, "/district", tianhe)).json() == {"district": TIANHE}
    assert (await get(app, "/district", admin)).headers["content-type"] == "application/problem+json"


async def test_public_route_sees_anonymous_and_logged_in_callers(verifier: TokenVerifier) -> None:
    app = build_app(verifier)

    assert (await get(app, "/public")).json() == {"subject": None}
    assert (await get(app, "/public", mint_dev_token(SECRET, role=Role.EXPERT, subject="e-1"))).json() == {
        "subject": "e-1"
    }


async def test_public_route_reports_a_bad_token_instead_of_ignoring_it(verifier: TokenVerifier) -> None:
    response = await get(build_app(verifier), "/public", "garbage")

    assert response.status_code == 401


async def test_unreachable_identity_provider_is_503(rsa_key: rsa.RSAPrivateKey) -> None:
    app = build_app(TokenVerifier(jwks_url="http://127.0.0.1:1/jwks.json"))

    response = await get(app, "/me", rs256_token(rsa_key, "k1"))

    assert response.status_code == 503
    assert response.headers["retry-after"] == "30"


async def test_app_without_a_verifier_fails_closed() -> None:
    token = mint_dev_token(SECRET, role=Role.BUREAU_ADMIN)

    response = await get(build_app(None), "/me", token)

    assert response.status_code == 500


def test_require_roles_needs_at_least_one_role() -> None:
    with pytest.raises(ValueError, match="at least one"):
        require_roles()
