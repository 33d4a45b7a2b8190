"""HTTP routes of applications: parse, authorise, call the service layer, answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import ApplicationParty, CurrentPrincipal, DistrictOfficer, Operator
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_registry.domain.applications import ApplicationKind, ApplicationStatus, Decision
from sme_registry.entrypoints.application_models import (
    ApplicationCounts,
    ApplicationFormModel,
    ApplicationSummary,
    ApplicationView,
    ForwardRequest,
    ReasonsRequest,
)
from sme_registry.service_layer import applications as use_cases
from sme_registry.service_layer import district_review

Text = Annotated[
    str | None,
    Query(
        alias="q",
        min_length=1,
        max_length=100,
        description="按单位名称或统一社会信用代码查找（包含即可，不区分大小写）",
        examples=["天河"],
    ),
]
RoundYear = Annotated[int | None, Query(ge=2000, le=2100, description="按年度批次筛选", examples=[2026])]
Kind = Annotated[ApplicationKind | None, Query(description="new 或 re_review")]
DistrictCode = Annotated[str | None, Query(pattern=r"^\d{6}$", description="按受理区筛选（市级用户）")]

router = APIRouter(prefix="/applications", tags=["申请 Applications"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="填写申请表：新建草稿 (start a draft application; station operator, for its own organisation)",
    responses=problem_responses(401, 403, 422),
)
async def create_application(form: ApplicationFormModel, operator: Operator, uow: UowFactoryDep) -> ApplicationView:
    created = await use_cases.create_application(uow_factory=uow, principal=operator, command=form.to_command())
    return ApplicationView.of(created)


@router.get(
    "",
    summary="申请列表 (applications the caller may see: its district's, all for the bureau, its own for an operator)",
    responses=problem_responses(401, 403, 422),
)
async def list_applications(
    principal: ApplicationParty,
    uow: UowFactoryDep,
    paging: Paging,
    status_: Annotated[ApplicationStatus | None, Query(alias="status", description="按状态筛选")] = None,
    round_year: RoundYear = None,
    kind: Kind = None,
    district_code: DistrictCode = None,
    text: Text = None,
) -> Page[ApplicationSummary]:
    found = await use_cases.list_applications(
        uow_factory=uow,
        principal=principal,
        status=status_,
        round_year=round_year,
        kind=kind,
        district_code=district_code,
        text=text,
        page=paging,
    )
    return Page.of(found, ApplicationSummary.of)


@router.get(
    "/counts",
    summary="各状态申请数量 (how many of the applications the list shows, with the same filters but status, "
    "are in each status: a work queue's tabs)",
    responses=problem_responses(401, 403, 422),
)
async def count_applications(
    principal: ApplicationParty,
    uow: UowFactoryDep,
    round_year: RoundYear = None,
    kind: Kind = None,
    district_code: DistrictCode = None,
    text: Text = None,
) -> ApplicationCounts:
    counts = await use_cases.count_applications(
        uow_factory=uow, principal=principal, round_year=round_year, kind=kind, district_code=district_code, text=text
    )
    return ApplicationCounts.of(counts)


@router.get(
    "/{application_id}",
    summary="查看申请 (read an application: applicant, its district, bureau, head station)",
    responses=problem_responses(401, 404),
)
async def read_application(application_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> ApplicationView:
    found = await use_cases.get_application(uow_factory=uow, principal=principal, application_id=application_id)
    return ApplicationView.of(found)


@router.put(
    "/{application_id}",
    summary="修改申请表 (edit a draft, or complete an application the district returned)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def edit_application(
    application_id: str, form: ApplicationFormModel, operator: Operator, uow: UowFactoryDep
) -> ApplicationView:
    edited = await use_cases.edit_application(
        uow_factory=uow, principal=operator, application_id=application_id, command=form.to_command()
    )
    return ApplicationView.of(edited)


@router.post(
    "/{application_id}/submit",
    summary="提交申请至注册地所在区 (submit, or resubmit after a return; eligibility checked, 422 names every failure)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_application(application_id: str, operator: Operator, uow: UowFactoryDep) -> ApplicationView:
    submitted = await use_cases.submit_application(uow_factory=uow, principal=operator, application_id=application_id)
    return ApplicationView.of(submitted)


@router.post(
    "/{application_id}/forward",
    summary="区级初审通过，上报市工业和信息化局 (district forwards the application)",
    responses=problem_responses(401, 403, 404, 409),
)
async def forward_application(
    application_id: str, body: ForwardRequest, officer: DistrictOfficer, uow: UowFactoryDep
) -> ApplicationView:
    command = district_review.DecideApplication(application_id, Decision.FORWARD, opinion=body.opinion)
    return ApplicationView.of(await district_review.decide(uow_factory=uow, principal=officer, command=command))


@router.post(
    "/{application_id}/return",
    summary="退回补正 (district returns the application for completion; reasons required)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def return_application(
    application_id: str, body: ReasonsRequest, officer: DistrictOfficer, uow: UowFactoryDep
) -> ApplicationView:
    command = district_review.DecideApplication(application_id, Decision.RETURN, reasons=tuple(body.reasons))
    return ApplicationView.of(await district_review.decide(uow_factory=uow, principal=officer, command=command))


@router.post(
    "/{application_id}/reject",
    summary="初审不予通过 (district rejects the application; reasons required)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def reject_application(
    application_id: str, body: ReasonsRequest, officer: DistrictOfficer, uow: UowFactoryDep
) -> ApplicationView:
    command = district_review.DecideApplication(application_id, Decision.REJECT, reasons=tuple(body.reasons))
    return ApplicationView.of(await district_review.decide(uow_factory=uow, principal=officer, command=command))
