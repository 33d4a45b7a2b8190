"""HTTP routes of applications: parse, authorise, call the service layer, answer."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

from sme_kit.auth import GUANGZHOU_DISTRICTS, Principal, Role
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, require_roles
from sme_kit.problems import problem_responses
from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus
from sme_registry.service_layer import applications as use_cases

router = APIRouter(prefix="/applications", tags=["申请 Applications"])

Operator = Annotated[Principal, require_roles(Role.STATION_OPERATOR)]


class ApplicationForm(BaseModel):
    """《广州市民营和中小企业服务站申请表》 (minimal form; the full form follows)."""

    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91440106MA59C1XE2T",
                    "entity_name": "广州市天河区创新企业服务有限公司",
                    "district_code": "440106",
                }
            ]
        },
    )

    uscc: str = Field(min_length=18, max_length=18, description="统一社会信用代码 of the applying legal entity.")
    entity_name: str = Field(min_length=2, max_length=200, description="单位名称, as registered.")
    district_code: str = Field(
        pattern=r"^4401\d{2}$", description="The district (6-digit division code) of registration."
    )
    kind: ApplicationKind = Field(
        default=ApplicationKind.NEW, description="new, or re_review for a station whose 3 years end."
    )

    @field_validator("district_code")
    @classmethod
    def _one_of_guangzhou(cls, code: str) -> str:
        if code not in GUANGZHOU_DISTRICTS:
            raise ValueError(f"{code} 不是广州市的行政区 (not one of Guangzhou's 11 districts)")
        return code


class ApplicationView(BaseModel):
    id: str
    uscc: str
    entity_name: str
    district_code: str
    kind: ApplicationKind
    round_year: int
    status: ApplicationStatus
    created_at: datetime
    submitted_at: datetime | None

    @classmethod
    def of(cls, application: Application) -> ApplicationView:
        return cls(
            id=application.id,
            uscc=application.uscc,
            entity_name=application.entity_name,
            district_code=application.district_code,
            kind=application.kind,
            round_year=application.round_year,
            status=application.status,
            created_at=application.created_at,
            submitted_at=application.submitted_at,
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Start a draft application (station operator, for its own organisation)",
    responses=problem_responses(401, 403, 422),
)
async def create_application(form: ApplicationForm, operator: Operator, uow: UowFactoryDep) -> ApplicationView:
    command = use_cases.CreateApplication(
        uscc=form.uscc, entity_name=form.entity_name, district_code=form.district_code, kind=form.kind
    )
    return ApplicationView.of(await use_cases.create_application(uow, operator, command))


@router.post(
    "/{application_id}/submit",
    summary="Submit the application to the district of registration",
    responses=problem_responses(401, 403, 404, 409),
)
async def submit_application(application_id: str, operator: Operator, uow: UowFactoryDep) -> ApplicationView:
    return ApplicationView.of(await use_cases.submit_application(uow, operator, application_id))


@router.get("/{application_id}", summary="Read an application", responses=problem_responses(401, 404))
async def read_application(application_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> ApplicationView:
    return ApplicationView.of(await use_cases.get_application(uow, principal, application_id))
