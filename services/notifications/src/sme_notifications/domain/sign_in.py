"""Who one can sign in as in development: the directory's officials and one operator per
organisation it knows, each with the claims their token carries (docs/architecture.md, "Auth and
roles").

Only what a sign-in page shows and a token needs: names, roles, districts, USCCs and station ids.
Contact data (e-mail, mobile) never leaves the directory this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sme_kit.errors import FieldError, ValidationFailed
from sme_notifications.domain.recipients import Official, OfficialRole

STATION_OPERATOR = "station_operator"

# The order of the sign-in page: the bureau first, then the head station, the districts, the
# experts, the stations, and the platform team last.
ROLE_ORDER = (
    OfficialRole.BUREAU_ADMIN.value,
    OfficialRole.HEAD_STATION_STAFF.value,
    OfficialRole.DISTRICT_OFFICER.value,
    OfficialRole.EXPERT.value,
    STATION_OPERATOR,
    OfficialRole.PLATFORM_OPERATOR.value,
)


@dataclass(frozen=True)
class KnownOrganisation:
    """An organisation the directory learnt of from events (or from the contact it gave)."""

    uscc: str
    name: str | None
    district_code: str | None
    # Its recognised stations, the active ones first.
    station_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """Someone a development token can be minted for."""

    subject: str
    role: str
    name: str
    district_code: str | None = None
    org: str | None = None
    org_name: str | None = None
    station_ids: tuple[str, ...] = ()

    def claims(self, station_id: str | None = None) -> dict[str, str]:
        """The token claims beside ``sub`` and ``role`` (as the demo's own tokens carry them). An
        operator acts for one station: ``station_id`` when given (one of its organisation's, chosen
        explicitly), else its first (active) one."""
        if station_id is not None and station_id not in self.station_ids:
            raise NotOneOfItsStations(station_id)
        claims = {"name": self.name}
        if self.role == OfficialRole.DISTRICT_OFFICER.value and self.district_code:
            claims["district"] = self.district_code
        if self.role == STATION_OPERATOR and self.org:
            claims["org"] = self.org
            if self.station_ids:
                claims["station_id"] = station_id or self.station_ids[0]
        return claims


class NotOneOfItsStations(ValidationFailed):
    """A token asked for a station its person does not operate."""

    def __init__(self, station_id: str) -> None:
        super().__init__(
            [
                FieldError(
                    "station_id",
                    f"该人员所在单位没有编号为 {station_id} 的服务站 (not a station of this person's organisation)",
                    "not_its_station",
                )
            ]
        )


def operator_subject(uscc: str) -> str:
    """The token subject of an organisation's operator account (the demo's convention)."""
    return f"operator-{uscc}"


def district_of_uscc(uscc: str, districts: Mapping[str, str]) -> str | None:
    """The district in a USCC's registration division code (characters 3–8), when it is one of ``districts``."""
    code = uscc[2:8]
    return code if code in districts else None


def people(
    officials: Iterable[Official], organisations: Iterable[KnownOrganisation], districts: Mapping[str, str]
) -> list[Person]:
    """Everyone one can sign in as, in the sign-in page's order (role, district, name)."""
    found = [
        Person(subject=o.subject, role=o.role.value, name=o.name, district_code=o.district_code) for o in officials
    ]
    for organisation in organisations:
        district = organisation.district_code or district_of_uscc(organisation.uscc, districts)
        found.append(
            Person(
                subject=operator_subject(organisation.uscc),
                role=STATION_OPERATOR,
                name=organisation.name or organisation.uscc,
                district_code=district,
                org=organisation.uscc,
                org_name=organisation.name,
                station_ids=organisation.station_ids,
            )
        )
    return sorted(found, key=_place)


def _place(person: Person) -> tuple[int, str, str, str]:
    rank = ROLE_ORDER.index(person.role) if person.role in ROLE_ORDER else len(ROLE_ORDER)
    return (rank, person.district_code or "", person.name, person.subject)


def by_role(found: Iterable[Person]) -> list[tuple[str, list[Person]]]:
    """People grouped by role, the groups in the sign-in page's order."""
    groups: dict[str, list[Person]] = {}
    for person in found:
        groups.setdefault(person.role, []).append(person)
    return sorted(groups.items(), key=lambda item: ROLE_ORDER.index(item[0]) if item[0] in ROLE_ORDER else 99)
