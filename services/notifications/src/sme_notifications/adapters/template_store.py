"""The Jinja2 templates of this package: loading, the field check, and rendering.

Layout: ``templates/<template id>/<channel>.v<N>.j2``; the highest N is the current version, older
ones stay for the record. Every template extends a layout of its channel
(``templates/_layouts/<channel>.v<N>.j2``) and defines a ``body`` block, plus a ``subject`` block
for e-mail and in-app messages. Plain text only (no HTML), so nothing needs escaping; undefined
variables raise (StrictUndefined) instead of printing blanks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, meta
from jinja2.nodes import Block, Extends

from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_notifications.domain import formatting
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.deliveries import TemplateRef
from sme_notifications.domain.routing import RoutingTable
from sme_notifications.domain.templates import NEEDS_SUBJECT, unknown_variables

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
LAYOUTS = "_layouts"
_FILE = re.compile(r"^(?P<channel>in_app|email|sms)\.v(?P<version>[1-9][0-9]*)\.j2$")


@dataclass(frozen=True)
class TemplateFile:
    template_id: str
    channel: Channel
    version: int
    path: str  # relative to the templates directory, as the loader names it

    @property
    def ref(self) -> TemplateRef:
        return TemplateRef(self.template_id, self.version)


@dataclass(frozen=True)
class Rendered:
    template: TemplateRef
    subject: str
    body: str


def district_name(code: Any) -> str:
    return GUANGZHOU_DISTRICTS.get(str(code), str(code))


def new_environment(root: Path) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(root),
        undefined=StrictUndefined,
        autoescape=False,  # noqa: S701
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        date_cn=formatting.date_cn,
        datetime_cn=formatting.datetime_cn,
        label=formatting.label,
        labels=formatting.labels,
        join_cn=formatting.join_cn,
        ground_text=formatting.ground_text,
        score=formatting.score,
        district_name=district_name,
    )
    return environment


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


class TemplateStore:
    """Every template of a directory; renders the current version of each."""

    def __init__(self, root: Path = TEMPLATES_DIR) -> None:
        self.root = root
        self.environment = new_environment(root)
        self.files: list[TemplateFile] = []
        for path in sorted(root.glob("*/*.j2")):
            match = _FILE.match(path.name)
            if match is None or path.parent.name == LAYOUTS:
                continue
            self.files.append(
                TemplateFile(
                    template_id=path.parent.name,
                    channel=Channel(match["channel"]),
                    version=int(match["version"]),
                    path=f"{path.parent.name}/{path.name}",
                )
            )
        self._current: dict[tuple[str, Channel], TemplateFile] = {}
        for file in sorted(self.files, key=lambda f: f.version):
            self._current[(file.template_id, file.channel)] = file

    def current(self, template_id: str, channel: Channel) -> TemplateFile | None:
        return self._current.get((template_id, channel))

    def current_files(self) -> list[TemplateFile]:
        return sorted(self._current.values(), key=lambda f: (f.template_id, f.channel.value))

    def layouts(self) -> list[str]:
        return sorted(f"{LAYOUTS}/{path.name}" for path in (self.root / LAYOUTS).glob("*.j2"))

    def source(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def variables(self, path: str) -> set[str]:
        """The variables a template file uses (its own text; a layout is checked on its own)."""
        return set(meta.find_undeclared_variables(self.environment.parse(self.source(path))))

    def render(self, template_id: str, channel: Channel, context: Mapping[str, Any]) -> Rendered:
        """Render the current version; raises LookupError when there is none."""
        file = self.current(template_id, channel)
        if file is None:
            raise LookupError(f"no template {template_id} for {channel.value}")
        template = self.environment.get_template(file.path)
        body = _tidy(template.render(context))
        subject = ""
        if "subject" in template.blocks:
            subject = _tidy("".join(template.blocks["subject"](template.new_context(dict(context)))))
            subject = " ".join(subject.split())
        return Rendered(file.ref, subject, body)

    def problems(self, table: RoutingTable, event_fields: Mapping[str, set[str]]) -> list[str]:
        """What is wrong with the templates the table uses: missing ones, missing blocks, and
        variables their event does not have."""
        found: list[str] = []
        for (template_id, channel), event_types in sorted(table.template_uses().items()):
            file = self.current(template_id, channel)
            if file is None:
                found.append(f"{template_id}/{channel.value}: no template")
                continue
            found.extend(self._shape_problems(file))
            used = self.variables(file.path)
            for event_type in sorted(event_types):
                unknown = unknown_variables(used, event_fields.get(event_type, set()))
                if unknown:
                    found.append(f"{file.path}: {event_type} has no field(s) {', '.join(unknown)}")
        for layout in self.layouts():
            unknown = unknown_variables(self.variables(layout), set())
            if unknown:
                found.append(f"{layout}: uses {', '.join(unknown)}, which is no context variable")
        return found

    def _shape_problems(self, file: TemplateFile) -> list[str]:
        tree = self.environment.parse(self.source(file.path))
        blocks = {block.name for block in tree.find_all(Block)}
        extends = list(tree.find_all(Extends))
        found = []
        if not extends:
            found.append(f"{file.path}: extends no layout")
        if "body" not in blocks:
            found.append(f"{file.path}: has no body block")
        if file.channel in NEEDS_SUBJECT and "subject" not in blocks:
            found.append(f"{file.path}: has no subject block")
        return found
