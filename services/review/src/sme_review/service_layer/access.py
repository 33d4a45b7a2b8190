"""Who may see what of a case: the object-level rules behind every read.

Head station staff and the bureau see everything of every case; a district officer reads the
cases of its own district; an expert reads the cases it is (still) assigned to; an applicant
reads its own. Anyone else is told the case does not exist (404), never that it is hidden.
"""

from __future__ import annotations

from enum import StrEnum

from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_kit.paging import PageRequest
from sme_review.adapters.unit_of_work import ReviewUnitOfWork
from sme_review.domain.cases import ReviewCase

# What a list answers unless asked for another page: the first, of the usual size.
FIRST_PAGE = PageRequest()


class Audience(StrEnum):
    STAFF = "staff"  # 服务总站、市工信局
    DISTRICT = "district"  # 区主管部门（只读）
    EXPERT = "expert"  # 被指派的评审专家
    APPLICANT = "applicant"  # 申请单位本身


def is_staff(principal: Principal) -> bool:
    return principal.is_role(Role.HEAD_STATION_STAFF, Role.BUREAU_ADMIN)


def case_not_found(case_id: str) -> NotFound:
    return NotFound(f"没有编号为 {case_id} 的评审案件 (no such case)")


async def audience_of(
    principal: Principal, case_id: str, case: ReviewCase | None, uow: ReviewUnitOfWork
) -> tuple[ReviewCase, Audience]:
    """The case and the principal's view of it; 404 when it may not see the case at all."""
    if case is not None:
        if is_staff(principal):
            return case, Audience.STAFF
        if principal.is_role(Role.DISTRICT_OFFICER) and principal.can_see_district(case.district_code):
            return case, Audience.DISTRICT
        expert_id = principal.expert_id if principal.is_role(Role.EXPERT) else None
        if expert_id is not None and await uow.assignments.active_of(case.id, expert_id) is not None:
            return case, Audience.EXPERT
        if principal.owns_org(case.uscc):
            return case, Audience.APPLICANT
    raise case_not_found(case_id)
