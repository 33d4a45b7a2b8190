"""The recipients directory: organisations and officials with their contacts, preferences, and the
station and application links learnt from events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, Select, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update
from sme_notifications.adapters.orm import applications, officials, organisations, preferences, stations
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.facts import ApplicationFact, OrganisationFact, StationFact
from sme_notifications.domain.preferences import Preferences
from sme_notifications.domain.recipients import Contact, Official, OfficialRole, Organisation, Recipient, RecipientKind
from sme_notifications.domain.sign_in import KnownOrganisation


def _organisation(row: RowMapping) -> Organisation:
    return Organisation(
        uscc=row["uscc"],
        name=row["name"],
        contact=Contact(name=row["contact_name"], email=row["email"], mobile=row["mobile"]),
    )


def _official(row: RowMapping) -> Official:
    return Official(
        subject=row["subject"],
        name=row["name"],
        role=OfficialRole(row["role"]),
        district_code=row["district_code"],
        email=row["email"],
        mobile=row["mobile"],
    )


def _officials_query(role: OfficialRole | None, district_code: str | None) -> Select[Any]:
    # The subject (the key) last, so that pages never overlap.
    query = select(officials).order_by(officials.c.role, officials.c.district_code, officials.c.subject)
    if role is not None:
        query = query.where(officials.c.role == role.value)
    if district_code is not None:
        query = query.where(officials.c.district_code == district_code)
    return query


class DirectoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    # --- organisations ----------------------------------------------------------------------------

    async def organisation(self, uscc: str) -> Organisation | None:
        query = select(organisations).where(organisations.c.uscc == uscc)
        row = (await self._session.execute(query)).mappings().first()
        return _organisation(row) if row else None

    async def learn_organisation(self, fact: OrganisationFact, now: datetime) -> None:
        """Keep the registered name an event gave (public data), creating the entry if needed."""
        values = {"uscc": fact.uscc, "name": fact.name, "updated_at": now}
        await insert_or_update(self._session, organisations, values, keys=["uscc"])

    async def known_organisations(self) -> list[KnownOrganisation]:
        """Every organisation the directory knows of: by its contact, its applications or its stations."""
        names: dict[str, str | None] = {}
        districts: dict[str, str] = {}
        stations_of: dict[str, list[tuple[bool, str]]] = {}
        for org in await self._session.execute(select(organisations.c.uscc, organisations.c.name)):
            names[org.uscc] = org.name
        applied = select(applications.c.uscc, applications.c.district_code, applications.c.entity_name)
        for application in await self._session.execute(applied.order_by(applications.c.updated_at)):
            if names.get(application.uscc) is None:
                names[application.uscc] = application.entity_name
            districts[application.uscc] = application.district_code
        registered = select(stations.c.station_id, stations.c.uscc, stations.c.district_code, stations.c.status)
        for station in await self._session.execute(registered.order_by(stations.c.station_id)):
            names.setdefault(station.uscc, None)
            districts[station.uscc] = station.district_code
            stations_of.setdefault(station.uscc, []).append((station.status != "active", station.station_id))
        return [
            KnownOrganisation(
                uscc=uscc,
                name=name,
                district_code=districts.get(uscc),
                station_ids=tuple(station_id for _, station_id in sorted(stations_of.get(uscc, []))),
            )
            for uscc, name in sorted(names.items())
        ]

    async def set_contact(self, uscc: str, contact: Contact, now: datetime) -> None:
        values = {
            "contact_name": contact.name,
            "email": contact.email,
            "mobile": contact.mobile,
            "contact_updated_at": now,
            "updated_at": now,
        }
        await insert_or_update(self._session, organisations, {"uscc": uscc, **values}, keys=["uscc"])

    async def clear_contact(self, uscc: str, now: datetime) -> bool:
        result = await self._session.execute(
            update(organisations)
            .where(organisations.c.uscc == uscc)
            .values(contact_name=None, email=None, mobile=None, contact_updated_at=None, updated_at=now)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # --- officials --------------------------------------------------------------------------------

    async def official(self, subject: str) -> Official | None:
        row = (await self._session.execute(select(officials).where(officials.c.subject == subject))).mappings().first()
        return _official(row) if row else None

    async def officials(self, *, role: OfficialRole | None = None, district_code: str | None = None) -> list[Official]:
        """Every official who matches (whom a notice goes to), by role, district and subject."""
        query = _officials_query(role, district_code)
        return [_official(row) for row in (await self._session.execute(query)).mappings()]

    async def officials_page(
        self, page: PageRequest, *, role: OfficialRole | None = None, district_code: str | None = None
    ) -> PageOf[Official]:
        """One page of the officials who match, in the same order, and how many match in all."""
        return (await fetch_page(self._session, _officials_query(role, district_code), page)).map(_official)

    async def save_official(self, official: Official, now: datetime) -> bool:
        """Create or replace; True when it is new."""
        existed = await self.official(official.subject) is not None
        values = {
            "name": official.name,
            "role": official.role.value,
            "district_code": official.district_code,
            "email": official.email,
            "mobile": official.mobile,
            "updated_at": now,
        }
        row = {"subject": official.subject, "created_at": now, **values}
        await insert_or_update(self._session, officials, row, keys=["subject"], update=list(values))
        return not existed

    async def delete_official(self, subject: str) -> bool:
        result = await self._session.execute(delete(officials).where(officials.c.subject == subject))
        await self._session.execute(
            delete(preferences).where(preferences.c.recipient == str(Recipient.official(subject)))
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # --- addresses at send time -------------------------------------------------------------------

    async def address_of(self, recipient: Recipient, channel: Channel) -> str | None:
        """The e-mail or mobile the directory holds now for this recipient (None when gone)."""
        column = "email" if channel is Channel.EMAIL else "mobile"
        if recipient.kind is RecipientKind.ORG:
            query = select(organisations.c[column]).where(organisations.c.uscc == recipient.id)
        elif recipient.kind is RecipientKind.OFFICIAL:
            query = select(officials.c[column]).where(officials.c.subject == recipient.id)
        else:
            return None
        found: str | None = (await self._session.execute(query)).scalar()
        return found

    # --- stations and applications ----------------------------------------------------------------

    async def learn_station(self, fact: StationFact, now: datetime) -> None:
        values: dict[str, Any] = {"uscc": fact.uscc, "district_code": fact.district_code, "updated_at": now}
        if fact.name is not None:
            values["name"] = fact.name
        if fact.status is not None:
            values["status"] = fact.status
        await insert_or_update(self._session, stations, {"station_id": fact.station_id, **values}, keys=["station_id"])

    async def station(self, station_id: str) -> tuple[str, str | None] | None:
        """(USCC of the operator, station name) of a known station."""
        query = select(stations.c.uscc, stations.c.name).where(stations.c.station_id == station_id)
        row = (await self._session.execute(query)).first()
        return (row.uscc, row.name) if row else None

    async def active_station_operators(self) -> list[tuple[str, str | None]]:
        """(USCC, station name) of every station on the register, once per organisation."""
        query = select(stations.c.uscc, stations.c.name).where(stations.c.status == "active").order_by(stations.c.uscc)
        found: dict[str, str | None] = {}
        for row in await self._session.execute(query):
            found.setdefault(row.uscc, row.name)
        return list(found.items())

    async def learn_application(self, fact: ApplicationFact, now: datetime) -> None:
        values: dict[str, Any] = {"uscc": fact.uscc, "district_code": fact.district_code, "updated_at": now}
        if fact.entity_name is not None:
            values["entity_name"] = fact.entity_name
        row = {"application_id": fact.application_id, **values}
        await insert_or_update(self._session, applications, row, keys=["application_id"])

    async def application(self, application_id: str) -> tuple[str, str | None] | None:
        """(USCC of the applicant, its name) of a known application."""
        query = select(applications.c.uscc, applications.c.entity_name).where(
            applications.c.application_id == application_id
        )
        row = (await self._session.execute(query)).first()
        return (row.uscc, row.entity_name) if row else None

    # --- preferences ------------------------------------------------------------------------------

    async def preferences_of(self, recipients: Iterable[Recipient]) -> dict[Recipient, Preferences]:
        wanted = {str(recipient): recipient for recipient in recipients}
        if not wanted:
            return {}
        query = select(preferences).where(preferences.c.recipient.in_(list(wanted)))
        return {
            wanted[row["recipient"]]: Preferences(email=row["email"], sms=row["sms"])
            for row in (await self._session.execute(query)).mappings()
        }

    async def set_preferences(self, recipient: Recipient, chosen: Preferences, now: datetime) -> None:
        values = {"email": chosen.email, "sms": chosen.sms, "updated_at": now}
        await insert_or_update(self._session, preferences, {"recipient": str(recipient), **values}, keys=["recipient"])
