"""Who is calling: JWT verification, the principal it yields, and a dev-token minting command.

Production verifies RS256 tokens against the identity provider's JWKS (`AUTH_JWKS_URL`);
development and tests use HS256 with `AUTH_DEV_SECRET`. Either way a verified token becomes a
`Principal`, whose methods make the object-level checks (own district, own organisation, own
expert cases) short enough to write at every entry point.

FastAPI glue (bearer dependencies, role checks) lives in `sme_kit.http_auth`, so this module
stays usable from the command line and from consumers without a web framework.

Mint a development token:

    AUTH_DEV_SECRET=... python -m sme_kit.auth mint --role district_officer --district 440106
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar, Protocol

import jwt

from sme_kit.vocabulary import GUANGZHOU_DISTRICTS, normalise_uscc

__all__ = [
    "AuthError",
    "AuthUnavailable",
    "Principal",
    "Role",
    "TokenVerifier",
    "main",
    "mint_dev_token",
    "principal_from_claims",
]


# Tolerated clock skew between the identity provider and this host.
_LEEWAY = timedelta(seconds=30)


class Role(StrEnum):
    """The roles a token can carry (docs/architecture.md, "Auth and roles"). The anonymous public has none."""

    BUREAU_ADMIN = "bureau_admin"
    DISTRICT_OFFICER = "district_officer"
    HEAD_STATION_STAFF = "head_station_staff"
    EXPERT = "expert"
    STATION_OPERATOR = "station_operator"
    # The platform team running the system: delivery records, health; no business decisions.
    PLATFORM_OPERATOR = "platform_operator"


# Roles whose work spans the whole city rather than one district.
_CITY_WIDE_ROLES = frozenset({Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.PLATFORM_OPERATOR})


class AuthError(Exception):
    """A token was refused. `reason` is bilingual and safe to show to the caller; `code` is stable."""

    def __init__(self, reason: str, *, code: str = "invalid_token") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class AuthUnavailable(Exception):
    """The signing keys could not be fetched: the caller is not at fault, so this is no AuthError."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller. Construction enforces what a role needs (district, org)."""

    subject: str
    role: Role
    name: str | None = None
    district: str | None = None
    org: str | None = None
    station_id: str | None = None
    expert_id: str | None = None

    def __post_init__(self) -> None:
        if not self.subject:
            raise ValueError("令牌缺少主体标识 sub (Token lacks the sub claim)")
        role = Role(self.role)
        object.__setattr__(self, "role", role)
        if role is Role.DISTRICT_OFFICER and self.district not in GUANGZHOU_DISTRICTS:
            raise ValueError(
                "区级主管部门账号须携带有效的广州市辖区代码 district，如 440106 "
                "(A district_officer token needs a valid Guangzhou district code, e.g. 440106)"
            )
        if role is Role.STATION_OPERATOR and not self.org:
            raise ValueError(
                "服务站运营机构账号须携带统一社会信用代码 org "
                "(A station_operator token needs the org claim: the USCC of its legal entity)"
            )
        if role is Role.EXPERT and self.expert_id is None:
            object.__setattr__(self, "expert_id", self.subject)

    @property
    def district_name(self) -> str | None:
        """The Chinese name of the principal's district, if it has one."""
        return GUANGZHOU_DISTRICTS.get(self.district or "")

    def is_role(self, *roles: Role) -> bool:
        """True when the principal holds any of `roles`."""
        return self.role in roles

    def can_see_district(self, code: str) -> bool:
        """City-wide roles see every district; a district officer sees its own only; others none."""
        if self.role in _CITY_WIDE_ROLES:
            return True
        return self.role is Role.DISTRICT_OFFICER and self.district == code

    def owns_org(self, uscc: str) -> bool:
        """True when the principal operates for the legal entity with this USCC."""
        return self.role is Role.STATION_OPERATOR and normalise_uscc(self.org) == normalise_uscc(uscc)

    def owns_station(self, station_id: str) -> bool:
        """True when the principal is the operator of this recognised station."""
        return self.role is Role.STATION_OPERATOR and self.station_id is not None and self.station_id == station_id

    def acts_as_expert(self, expert_id: str) -> bool:
        """True when the principal is this expert (the check behind "only cases assigned to it")."""
        return self.role is Role.EXPERT and self.expert_id == expert_id


def principal_from_claims(claims: Mapping[str, Any]) -> Principal:
    """Turn verified JWT claims into a Principal, refusing claims a role cannot work without."""
    role_claim = claims.get("role")
    if role_claim not in {role.value for role in Role}:
        raise AuthError("令牌角色缺失或无效 (Missing or unknown role claim)", code="invalid_role")
    try:
        return Principal(
            subject=_claim_str(claims, "sub") or "",
            role=Role(role_claim),
            name=_claim_str(claims, "name"),
            district=_claim_str(claims, "district"),
            org=normalise_uscc(_claim_str(claims, "org")) or None,
            station_id=_claim_str(claims, "station_id"),
            expert_id=_claim_str(claims, "expert_id"),
        )
    except ValueError as exc:
        raise AuthError(str(exc), code="invalid_claims") from exc


def _claim_str(claims: Mapping[str, Any], key: str) -> str | None:
    value = claims.get(key)
    if value is None or value == "":
        return None
    # Some identity providers emit numeric-looking claims (district codes) as JSON numbers.
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value).strip() or None
    raise AuthError(f"令牌声明 {key} 格式无效 (Claim {key} has an invalid type)", code="invalid_claims")


class _KeySource(Protocol):
    algorithms: ClassVar[list[str]]

    def key_for(self, token: str) -> Any: ...


class _SharedSecret:
    algorithms: ClassVar[list[str]] = ["HS256"]

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def key_for(self, token: str) -> Any:
        return self._secret


class _RemoteJwks:
    """Keys from the identity provider's JWKS endpoint, cached and refreshed by PyJWKClient."""

    algorithms: ClassVar[list[str]] = ["RS256"]

    def __init__(self, url: str) -> None:
        self._client = jwt.PyJWKClient(url, cache_jwk_set=True, lifespan=300)

    def key_for(self, token: str) -> Any:
        try:
            return self._client.get_signing_key_from_jwt(token).key
        except jwt.PyJWKClientConnectionError as exc:
            raise AuthUnavailable(str(exc)) from exc
        except jwt.PyJWKSetError as exc:
            raise AuthUnavailable(str(exc)) from exc
        except jwt.PyJWKClientError as exc:
            raise AuthError("令牌签名密钥未知 (Unknown signing key)", code="unknown_key") from exc


class _FileJwks:
    """Keys from a JWKS file, for offline installations and tests.

    PyJWT (since 2.13) refuses non-http(s) URLs in PyJWKClient, so file:// is read here. The URL
    comes from configuration, never from a token header, so reading a local file is intended.
    """

    algorithms: ClassVar[list[str]] = ["RS256"]

    def __init__(self, url: str) -> None:
        path = urllib.request.url2pathname(urllib.parse.urlparse(url).path)
        with open(path, encoding="utf-8") as fh:
            self._keys = jwt.PyJWKSet.from_dict(json.load(fh))

    def key_for(self, token: str) -> Any:
        kid = jwt.get_unverified_header(token).get("kid")
        for key in self._keys.keys:
            if kid is not None and key.key_id == kid:
                return key.key
        raise AuthError("令牌签名密钥未知 (Unknown signing key)", code="unknown_key")


# PyJWT exceptions → reasons a caller can act on. Order matters: subclasses before their bases.
_REFUSALS: tuple[tuple[type[jwt.PyJWTError], str, str], ...] = (
    (jwt.ExpiredSignatureError, "令牌已过期，请重新登录 (Token has expired)", "token_expired"),
    (jwt.ImmatureSignatureError, "令牌尚未生效 (Token is not yet valid)", "token_not_yet_valid"),
    (jwt.InvalidIssuerError, "令牌签发方不受信任 (Untrusted token issuer)", "invalid_issuer"),
    (jwt.InvalidAudienceError, "令牌不适用于本系统 (Token audience mismatch)", "invalid_audience"),
    (jwt.InvalidSignatureError, "令牌签名无效 (Invalid token signature)", "invalid_signature"),
    (jwt.InvalidAlgorithmError, "令牌签名算法不被接受 (Token algorithm not accepted)", "invalid_algorithm"),
    (jwt.DecodeError, "令牌格式无效 (Malformed token)", "malformed_token"),
)


class TokenVerifier:
    """Verifies bearer tokens. Built once per process (by the app factory) from settings."""

    def __init__(
        self,
        *,
        dev_secret: str | None = None,
        jwks_url: str | None = None,
        issuer: str | None = None,
        audience: str | None = None,
    ) -> None:
        if bool(dev_secret) == bool(jwks_url):
            raise ValueError("TokenVerifier needs exactly one of dev_secret (HS256) or jwks_url (RS256)")
        self.issuer = issuer
        self.audience = audience
        self._keys: _KeySource
        if dev_secret:
            self._keys = _SharedSecret(dev_secret)
        elif urllib.parse.urlparse(str(jwks_url)).scheme == "file":
            self._keys = _FileJwks(str(jwks_url))
        else:
            self._keys = _RemoteJwks(str(jwks_url))

    def verify(self, token: str) -> Principal:
        """Check signature, expiry, issuer, audience and role claims; return who is calling.

        Raises AuthError when the token must be refused, AuthUnavailable when the keys to check it
        cannot be fetched.
        """
        claims = self._decode(token)
        return principal_from_claims(claims)

    def _decode(self, token: str) -> dict[str, Any]:
        try:
            key = self._keys.key_for(token)
            return jwt.decode(
                token,
                key,
                algorithms=self._keys.algorithms,
                issuer=self.issuer,
                audience=self.audience,
                leeway=_LEEWAY,
                options={"require": ["exp", "sub"]},
            )
        except jwt.MissingRequiredClaimError as exc:
            raise AuthError(
                f"令牌缺少必要声明 {exc.claim} (Token lacks the required claim {exc.claim})",
                code="missing_claim",
            ) from exc
        except jwt.PyJWTError as exc:
            raise _refusal(exc) from exc


def _refusal(exc: jwt.PyJWTError) -> AuthError:
    for kind, reason, code in _REFUSALS:
        if isinstance(exc, kind):
            return AuthError(reason, code=code)
    return AuthError("令牌无效 (Invalid token)")


def mint_dev_token(
    secret: str,
    *,
    role: Role | str,
    subject: str | None = None,
    district: str | None = None,
    org: str | None = None,
    station_id: str | None = None,
    name: str | None = None,
    ttl: timedelta = timedelta(hours=12),
    issuer: str | None = None,
    audience: str | None = None,
) -> str:
    """Sign an HS256 token for development and tests.

    Claims are not validated here, so tests can mint the broken tokens the verifier must refuse.
    """
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": subject or f"dev-{role}",
        "role": str(role),
        "iat": now,
        "exp": now + ttl,
    }
    optional = {
        "district": district,
        "org": org,
        "station_id": station_id,
        "name": name,
        "iss": issuer,
        "aud": audience,
    }
    claims.update({key: value for key, value in optional.items() if value is not None})
    return jwt.encode(claims, secret, algorithm="HS256")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sme_kit.auth", description="Development tokens (HS256).")
    commands = parser.add_subparsers(dest="command", required=True)
    mint = commands.add_parser("mint", help="print a token signed with AUTH_DEV_SECRET")
    mint.add_argument("--role", required=True, choices=[role.value for role in Role])
    mint.add_argument("--district", help="6-digit division code, required for district_officer")
    mint.add_argument("--org", help="USCC of the legal entity, required for station_operator")
    mint.add_argument("--station-id")
    mint.add_argument("--sub", help="subject; default dev-<role>")
    mint.add_argument("--name")
    mint.add_argument("--ttl-hours", type=float, default=12.0)
    mint.add_argument("--issuer", default=os.environ.get("AUTH_ISSUER"))
    mint.add_argument("--audience", default=os.environ.get("AUTH_AUDIENCE"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m sme_kit.auth`; returns the process exit code."""
    args = _parser().parse_args(argv)
    secret = os.environ.get("AUTH_DEV_SECRET")
    if not secret:
        sys.stderr.write("AUTH_DEV_SECRET is not set; refusing to mint a token.\n")
        return 2
    subject = args.sub or f"dev-{args.role}"
    try:
        # Refuse to hand out a token the verifier would refuse anyway.
        Principal(subject=subject, role=Role(args.role), district=args.district, org=args.org)
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    token = mint_dev_token(
        secret,
        role=args.role,
        subject=subject,
        district=args.district,
        org=args.org,
        station_id=args.station_id,
        name=args.name,
        ttl=timedelta(hours=args.ttl_hours),
        issuer=args.issuer,
        audience=args.audience,
    )
    sys.stdout.write(token + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
