"""Review's use cases run on the in-memory unit of work: a round's steps as the tests need them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import cast

from sme_contracts.common import OperatorType, ServiceCategory
from sme_contracts.registry import ApplicationForwarded, ApplicationKind
from sme_kit.auth import Principal, Role
from sme_kit.clock import MovableClock
from sme_kit.testing.fakes import FakeUnitOfWorkFactory
from sme_kit.vocabulary import SHANGHAI
from sme_review.adapters.unit_of_work import ReviewUowFactory
from sme_review.domain.cases import Recommendation, ReviewCase
from sme_review.domain.experts import Assignment
from sme_review.domain.scoring import Criterion
from sme_review.service_layer import assignments, cases, experts, rounds, scoring

from .fakes import FakeReviewUnitOfWork

YEAR = 2026
EXPERT_ORGS = ("12440100MB2D34567Q", "51440100MJK123456P", "91440115MA5AYY7R83")
APPLICANTS = {
    "A": ("91440106MA59C1XE2H", "广州市天河区创新企业服务有限公司", "440106"),
    "B": ("91440104MA5AB1CD2X", "广州市越秀区商贸服务中心有限公司", "440104"),
    "C": ("91440111MA5CQ8RT1J", "广州市白云区产业园运营管理有限公司", "440111"),
    "E": ("91440113MA5D00LJ56", "广州市番禺区中小企业服务协会", "440113"),
}
GOOD_MARKS = {
    "premises": 85,
    "staff": 90,
    "service_capability": 88,
    "experience": 80,
    "management_system": 75,
    "influence": 70,
}
HEAD_STATION = Principal(subject="hs-wang", role=Role.HEAD_STATION_STAFF)
BUREAU = Principal(subject="bureau-li", role=Role.BUREAU_ADMIN)


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in Asia/Shanghai."""
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), SHANGHAI).replace(hour=hour, minute=minute)


def expert(expert_id: str) -> Principal:
    return Principal(subject=expert_id, role=Role.EXPERT)


def forwarded(
    key: str, *, kind: ApplicationKind = ApplicationKind.NEW, station_id: str | None = None
) -> ApplicationForwarded:
    uscc, name, district = APPLICANTS[key]
    return ApplicationForwarded(
        application_id=f"app-{key}-{kind.value}",
        round_year=YEAR,
        kind=kind,
        station_id=station_id,
        uscc=uscc,
        entity_name=name,
        district_code=district,
        operator_type=OperatorType.INDUSTRIAL_PARK,
        station_address=f"{name}服务大厅",
        services=[ServiceCategory.INFORMATION, ServiceCategory.FINANCING],
        industries=["软件和信息技术服务业"],
        full_time_staff=3,
        district_opinion="材料齐全，符合申报条件，同意上报",
        forwarded_at=at("2026-08-31"),
    )


class Review:
    """The review service's use cases over one in-memory world, with a clock the test moves."""

    def __init__(self, start: datetime | None = None) -> None:
        self.clock = MovableClock.starting_at(start or at("2026-09-01"))
        self.fake = FakeUnitOfWorkFactory(FakeReviewUnitOfWork, clock=self.clock)
        self.world = self.fake.world
        # The fake offers every name the real unit of work does (the use cases below prove it), so
        # the use cases take it as review's factory.
        self.uow = cast(ReviewUowFactory, self.fake)

    def today(self) -> date:
        return self.clock.now().astimezone(SHANGHAI).date()

    async def forward(
        self,
        key: str,
        *,
        kind: ApplicationKind = ApplicationKind.NEW,
        station_id: str | None = None,
        **changes: object,
    ) -> ReviewCase:
        event = forwarded(key, kind=kind, station_id=station_id).model_copy(update=changes)
        async with self.uow() as uow:
            case = await cases.open_case(uow=uow, event=event)
            await uow.commit()
        assert case is not None
        return case

    async def register_experts(self, *expert_ids: str) -> None:
        for index, expert_id in enumerate(expert_ids):
            profile = experts.ExpertProfile(
                name=f"专家{index + 1}",
                title="高级经济师",
                organisation_name=f"专家单位{index + 1}",
                organisation_uscc=EXPERT_ORGS[index % len(EXPERT_ORGS)],
                expertise=("企业服务",),
            )
            await experts.register_expert(
                uow_factory=self.uow, principal=HEAD_STATION, expert_id=expert_id, profile=profile
            )

    async def use_panels_of(self, size: int) -> None:
        await scoring.configure_criteria(
            uow_factory=self.uow,
            principal=HEAD_STATION,
            year=YEAR,
            criteria=[Criterion("overall", "综合评价", 100)],
            min_experts=size,
        )

    async def assign(self, case_id: str, *expert_ids: str, panel_id: str | None = None) -> list[Assignment]:
        return list(
            await assignments.assign_experts(
                uow_factory=self.uow,
                principal=HEAD_STATION,
                case_id=case_id,
                expert_ids=list(expert_ids),
                panel_id=panel_id,
                due_on=self.today() + timedelta(days=10),
            )
        )

    async def sheet(self, case_id: str, expert_id: str, marks: Mapping[str, int] | None = None) -> None:
        round_ = await scoring.get_round(uow_factory=self.uow, principal=HEAD_STATION, year=YEAR)
        assert round_ is not None
        await scoring.submit_sheet(
            uow_factory=self.uow,
            principal=expert(expert_id),
            case_id=case_id,
            marks=marks or {c.code: GOOD_MARKS.get(c.code, 80) for c in round_.criteria},
            comment="材料齐全，服务能力较强",
        )

    async def score(self, case_id: str, expert_ids: Sequence[str]) -> None:
        await self.assign(case_id, *expert_ids)
        for expert_id in expert_ids:
            await self.sheet(case_id, expert_id)

    async def recommend(self, case_id: str, recommendation: Recommendation = Recommendation.RECOMMEND) -> None:
        await cases.record_recommendation(
            uow_factory=self.uow,
            principal=HEAD_STATION,
            case_id=case_id,
            recommendation=recommendation,
            reasons="专家评审意见一致，服务能力突出",
        )

    async def shortlisted_round(self, *keys: str) -> dict[str, ReviewCase]:
        """A round with the given applicants reviewed by one expert each, recommended and shortlisted."""
        await self.register_experts("expert-1")
        await self.use_panels_of(1)
        opened = {key: await self.forward(key) for key in keys}
        for case in opened.values():
            await self.score(case.id, ["expert-1"])
            await self.recommend(case.id)
        await rounds.submit_recommendations(uow_factory=self.uow, principal=HEAD_STATION, year=YEAR)
        await rounds.fix_shortlist(
            uow_factory=self.uow,
            principal=BUREAU,
            year=YEAR,
            application_ids=[case.application_id for case in opened.values()],
        )
        return opened
