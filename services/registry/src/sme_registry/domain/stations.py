"""A recognised service station on the register (§4.1.3(5), §4.2, §4.3) and its status history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sme_contracts.common import OperatorType, RevocationGround, ServiceCategory, StationStatus
from sme_kit.vocabulary import shanghai_day
from sme_registry.domain.errors import InvalidTransition
from sme_registry.domain.forms import ApplicationForm, ContactPerson, ResidentInstitution, StaffMember
from sme_registry.domain.validity import valid_until

STATION_NUMBER_PREFIX = "GZSME"


def station_number(year: int, sequence: int) -> str:
    """The public station number, sequential per year of recognition: GZSME-2026-0001."""
    return f"{STATION_NUMBER_PREFIX}-{year}-{sequence:04d}"


@dataclass(frozen=True)
class StatusChange:
    """One entry of the station's status history; also what StationStatusChanged tells."""

    status: StationStatus
    previous_status: StationStatus | None
    reason: str
    effective_on: date
    changed_at: datetime
    revocation_ground: RevocationGround | None = None


@dataclass(frozen=True)
class ConventionSignature:
    """Who signed the service convention (§4.1.4) for the operator, when, and which text."""

    version: str
    signed_at: datetime
    signed_by: str  # token subject of the operator's account
    signatory_name: str  # personal data
    signatory_title: str


@dataclass
class Station:
    id: str
    station_number: str
    plaque_number: str
    application_id: str
    uscc: str
    entity_name: str
    name: str
    district_code: str
    address: str
    registered_address: str
    operator_type: OperatorType
    services: tuple[ServiceCategory, ...]
    personalised_services: str
    industries: tuple[str, ...]
    service_area: str
    resident_institutions: tuple[ResidentInstitution, ...]
    legal_representative: str
    contact: ContactPerson | None
    staff: tuple[StaffMember, ...]
    valid_from: date
    valid_until: date
    status: StationStatus
    registered_at: datetime
    updated_at: datetime
    revocation_ground: RevocationGround | None = None
    revocation_reason: str | None = None
    revoked_on: date | None = None
    convention: ConventionSignature | None = None
    # Status changes made since the station was loaded; the repository appends them to the history.
    new_history: list[StatusChange] = field(default_factory=list)

    @classmethod
    def register(
        cls,
        *,
        station_id: str,
        number: str,
        plaque_number: str,
        application_id: str,
        form: ApplicationForm,
        valid_from: date,
        now: datetime,
    ) -> Station:
        """Enter the applicant's station on the register, valid 3 years from the final-list date."""
        station = cls(
            id=station_id,
            station_number=number,
            plaque_number=plaque_number,
            application_id=application_id,
            uscc=form.uscc,
            entity_name=form.entity_name,
            name=form.name_on_register,
            district_code=form.station_district,
            address=form.station_address or "",
            registered_address=form.registered_address or "",
            operator_type=form.operator_type or OperatorType.OTHER,
            services=form.services,
            personalised_services=form.personalised_services,
            industries=form.industries,
            service_area=form.service_area,
            resident_institutions=form.resident_institutions,
            legal_representative=form.legal_representative or "",
            contact=form.contact,
            staff=form.staff,
            valid_from=valid_from,
            valid_until=valid_until(valid_from),
            status=StationStatus.ACTIVE,
            registered_at=now,
            updated_at=now,
        )
        station._record(
            StationStatus.ACTIVE,
            f"列入服务站最终认定名单，牌匾编号 {plaque_number} (recognised on the final list)",
            valid_from,
            now,
            previous=None,
        )
        return station

    @property
    def is_revoked(self) -> bool:
        """Revoked once (§4.3): the date is kept, whatever status followed."""
        return self.revoked_on is not None or self.status is StationStatus.REVOKED

    @property
    def renewable(self) -> bool:
        """A revoked station is not renewed: a re-review result that arrives after the revocation
        changes nothing, since revocation is final (§4.3)."""
        return not self.is_revoked

    def renew(self, *, valid_from: date, reason: str, now: datetime) -> StatusChange:
        """Re-review passed (§4.2): confirmed, valid for 3 more years from `valid_from`."""
        if not self.renewable:
            raise InvalidTransition(f"服务站 {self.station_number} 已撤销，不能延续有效期 (the station was revoked)")
        self.valid_from = valid_from
        self.valid_until = valid_until(valid_from)
        return self._record(StationStatus.ACTIVE, reason, valid_from, now, previous=self.status)

    def expire(self, *, on: date, now: datetime) -> StatusChange:
        """The 3 years ended without a renewal."""
        if self.status is not StationStatus.ACTIVE:
            raise InvalidTransition(f"服务站 {self.station_number} 当前状态为{self.status.value}，不能转为期满")
        return self._record(
            StationStatus.EXPIRED,
            f"有效期已于 {self.valid_until.isoformat()} 届满 (validity ended)",
            on,
            now,
            previous=self.status,
        )

    def revoke(self, *, ground: RevocationGround, reason: str, effective_on: date, now: datetime) -> StatusChange:
        """The bureau revoked the title (§4.3); the history keeps everything before."""
        if self.status is StationStatus.REVOKED:
            raise InvalidTransition(f"服务站 {self.station_number} 已撤销 (already revoked)")
        self.revocation_ground = ground
        self.revocation_reason = reason
        self.revoked_on = effective_on
        return self._record(StationStatus.REVOKED, reason, effective_on, now, previous=self.status, ground=ground)

    def sign_convention(self, signature: ConventionSignature) -> None:
        """Sign the current text of the service convention (§4.1.4); once per version."""
        if self.status is StationStatus.REVOKED:
            raise InvalidTransition(f"服务站 {self.station_number} 已撤销，不能签署服务公约 (the station was revoked)")
        if self.convention is not None and self.convention.version == signature.version:
            raise InvalidTransition(
                f"服务站已于 {shanghai_day(self.convention.signed_at).isoformat()} 签署 {signature.version} 版服务公约 "
                "(this version is already signed)"
            )
        self.convention = signature
        self.updated_at = signature.signed_at

    def has_signed(self, version: str) -> bool:
        return self.convention is not None and self.convention.version == version

    def _record(
        self,
        status: StationStatus,
        reason: str,
        effective_on: date,
        now: datetime,
        *,
        previous: StationStatus | None,
        ground: RevocationGround | None = None,
    ) -> StatusChange:
        change = StatusChange(status, previous, reason, effective_on, now, ground)
        self.status = status
        self.updated_at = now
        self.new_history.append(change)
        return change
