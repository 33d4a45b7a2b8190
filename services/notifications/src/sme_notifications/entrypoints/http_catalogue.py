"""HTTP routes that show the routing table and the templates in force (bureau, platform operators)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from sme_kit.http_auth import RecordReader
from sme_kit.http_paging import Page, Paging
from sme_kit.paging import PageOf
from sme_kit.problems import problem_responses
from sme_notifications.domain.channels import Channel
from sme_notifications.entrypoints.state import StateDep

router = APIRouter(tags=["路由与模板 Routing and templates"])


class RouteView(BaseModel):
    event_type: str = Field(examples=["gz.sme.registry.application.returned.v1"])
    template_id: str = Field(examples=["application_returned"])
    to: list[str] = Field(examples=[["org"]])
    channels: list[Channel]
    mandatory: bool
    secret: bool = Field(description="The message carries a one-time code: its body is erased once sent.")
    when: dict[str, list[object]] = Field(examples=[{"status": ["revoked"]}])
    why: str = Field(examples=["区主管部门退回补正，申请单位须补充材料后重新提交"])


class RoutingView(BaseModel):
    version: int
    routes: list[RouteView]
    silent: dict[str, str] = Field(description="Event types nobody is told about, with the reason.")


class TemplateView(BaseModel):
    template_id: str = Field(examples=["application_returned"])
    channel: Channel
    version: int = Field(examples=[1], description="The version in force.")
    versions: list[int] = Field(examples=[[1]], description="Every version kept.")


@router.get("/routing", summary="The routing table in force", responses=problem_responses(401, 403))
async def read_routing(principal: RecordReader, state: StateDep) -> RoutingView:
    table = state.routing.table
    return RoutingView(
        version=table.version,
        routes=[
            RouteView(
                event_type=route.event_type,
                template_id=route.template_id,
                to=[str(selector) for selector in route.to],
                channels=list(route.channels),
                mandatory=route.mandatory,
                secret=route.secret,
                when={name: list(values) for name, values in route.when.items()},
                why=route.why,
            )
            for route in table.routes
        ],
        silent=dict(table.silent),
    )


@router.get(
    "/templates",
    summary="The templates and their versions, by template and channel",
    responses=problem_responses(401, 403),
)
async def list_templates(principal: RecordReader, state: StateDep, paging: Paging) -> Page[TemplateView]:
    # The templates are files loaded at start: the page is cut from the list in memory.
    templates = state.routing.templates
    versions: dict[tuple[str, Channel], list[int]] = {}
    for file in templates.files:
        versions.setdefault((file.template_id, file.channel), []).append(file.version)
    current = templates.current_files()
    return Page.of(
        PageOf.sliced(current, paging),
        lambda file: TemplateView(
            template_id=file.template_id,
            channel=file.channel,
            version=file.version,
            versions=sorted(versions[(file.template_id, file.channel)]),
        ),
    )
