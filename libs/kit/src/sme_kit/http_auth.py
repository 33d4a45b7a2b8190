"""FastAPI dependencies that turn the bearer token into a `Principal`.

Routes read:

    @router.get("/applications/{application_id}")
    def read(application_id: str, principal: CurrentPrincipal) -> ...: ...

    @router.post("/notices", dependencies=[require_roles(Role.BUREAU_ADMIN)])
    def publish(...) -> ...: ...

    @router.post("/districts/{code}/reviews")
    def review(code: str, officer: Annotated[Principal, require_roles(Role.DISTRICT_OFFICER)]) -> ...: ...

Or, with the aliases below (one per role, and the combinations the services use)::

    @router.post("/notices")
    def publish(bureau: Bureau, ...) -> ...: ...

Role checks are coarse; the object-level check (`principal.can_see_district(...)`,
`principal.owns_org(...)`) still belongs in the route or service layer.

The verifier is read from `request.app.state.token_verifier`, which the app factory sets.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, params
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sme_kit.auth import AuthError, AuthUnavailable, Principal, Role, TokenVerifier
from sme_kit.errors import Forbidden
from sme_kit.problems import ServiceUnavailable, Unauthorized

__all__ = [
    "AnyBusinessRole",
    "ApplicationParty",
    "Bureau",
    "CurrentPrincipal",
    "DistrictOfficer",
    "Expert",
    "HeadStation",
    "Operator",
    "OptionalPrincipal",
    "Organiser",
    "PlatformOperator",
    "RecordReader",
    "Staff",
    "StaffOrExpert",
    "current_principal",
    "get_token_verifier",
    "optional_principal",
    "require_roles",
]

# auto_error=False: missing credentials must become our problem+json 401, not FastAPI's error.
_bearer = HTTPBearer(auto_error=False, bearerFormat="JWT", description="JWT issued by the identity provider")


def get_token_verifier(request: Request) -> TokenVerifier:
    """The process's verifier, put on `app.state.token_verifier` by the app factory."""
    verifier: TokenVerifier | None = getattr(request.app.state, "token_verifier", None)
    # Duck-typed on purpose: tests may put a fake with the same verify() there.
    if verifier is None:
        raise RuntimeError("app.state.token_verifier is not set: the app factory must create a TokenVerifier")
    return verifier


# A plain `def`: FastAPI runs it in the thread pool, because fetching a JWKS is blocking I/O.
def optional_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    """The caller if a bearer token was sent, else None. A token that was sent but is bad is a 401,
    so an expired session is reported instead of silently treated as anonymous."""
    if credentials is None:
        return None
    try:
        return get_token_verifier(request).verify(credentials.credentials)
    except AuthError as exc:
        raise Unauthorized(
            exc.reason,
            extensions={"code": exc.code},
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from exc
    except AuthUnavailable as exc:
        raise ServiceUnavailable(
            "身份认证服务暂不可用，请稍后重试 (The identity provider is unavailable; please retry)",
            retry_after=30,
        ) from exc


async def current_principal(principal: Annotated[Principal | None, Depends(optional_principal)]) -> Principal:
    """The caller; a request without a bearer token is a 401."""
    if principal is None:
        raise Unauthorized("请先登录：请求须携带 Bearer 令牌 (A bearer token is required)")
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


def require_roles(*roles: Role) -> params.Depends:
    """A dependency admitting only principals holding one of `roles` (401 without token, else 403).

    Use it in `dependencies=[...]` or as `Annotated[Principal, require_roles(...)]`.
    """
    if not roles:
        raise ValueError("require_roles needs at least one role")
    allowed = frozenset(roles)

    async def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.role not in allowed:
            raise Forbidden("您的角色无权执行此操作 (Your role is not allowed to do this)")
        return principal

    return params.Depends(dependency)


# --- who may call a route: one alias per role, then the combinations the services use -------------------
# Each is a Principal parameter that answers 401 without a token and 403 for any other role.

Bureau = Annotated[Principal, require_roles(Role.BUREAU_ADMIN)]
"""市工信局: the bureau's administrators."""
DistrictOfficer = Annotated[Principal, require_roles(Role.DISTRICT_OFFICER)]
"""区工信部门: a district's officers (the object check limits them to their district)."""
HeadStation = Annotated[Principal, require_roles(Role.HEAD_STATION_STAFF)]
"""总站: the head station's staff."""
Expert = Annotated[Principal, require_roles(Role.EXPERT)]
"""评审专家: a reviewing expert (the object check limits them to their assignments)."""
Operator = Annotated[Principal, require_roles(Role.STATION_OPERATOR)]
"""服务站运营单位: an applicant or station operator (the object check limits them to their organisation)."""
PlatformOperator = Annotated[Principal, require_roles(Role.PLATFORM_OPERATOR)]
"""The platform team: delivery records and health, no business decisions."""

Staff = Annotated[Principal, require_roles(Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF)]
"""The city-wide staff who run rounds, cycles and plans: bureau and head station."""
Organiser = Annotated[Principal, require_roles(Role.HEAD_STATION_STAFF, Role.STATION_OPERATOR)]
"""Who organises activities: the head station, or a station's operator."""
StaffOrExpert = Annotated[Principal, require_roles(Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.EXPERT)]
"""Staff and experts: the review's criteria and an expert's own work."""
RecordReader = Annotated[Principal, require_roles(Role.BUREAU_ADMIN, Role.PLATFORM_OPERATOR)]
"""Who reads operational records (notification deliveries): the bureau and the platform team."""
ApplicationParty = Annotated[
    Principal,
    require_roles(Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.DISTRICT_OFFICER, Role.STATION_OPERATOR),
]
"""Everyone an application concerns except experts: bureau, head station, district, the applicant."""
AnyBusinessRole = Annotated[
    Principal,
    require_roles(
        Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.DISTRICT_OFFICER, Role.EXPERT, Role.STATION_OPERATOR
    ),
]
"""Every role of the recognition business; not the platform team."""
