"""The real Kafka broker and PostgreSQL server the tests run on (started once per run)."""

from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from sqlalchemy.engine import make_url


@dataclass
class Infrastructure:
    """Where the broker and the database server are, and how they came to be."""

    repo_root: Path
    kafka_bootstrap: str | None = None
    kafka_origin: str = ""
    pg_admin_url: str | None = None
    pg_origin: str = ""
    pg_version: str = ""
    documents_ready: bool = False

    def kafka(self) -> str:
        if self.kafka_bootstrap is None:
            from_env = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
            if from_env:
                self.kafka_bootstrap, self.kafka_origin = from_env, "KAFKA_BOOTSTRAP_SERVERS"
            else:
                script = str(self.repo_root / "infra/kafka.sh")
                subprocess.run([script, "start"], check=True)
                address = subprocess.run(
                    [script, "bootstrap"], check=True, capture_output=True, text=True
                ).stdout.strip()
                self.kafka_bootstrap, self.kafka_origin = address, "Apache Kafka 4.1 (KRaft) started by infra/kafka.sh"
        return self.kafka_bootstrap

    def postgres(self) -> str:
        if self.pg_admin_url is None:
            from_env = os.environ.get("DATABASE_ADMIN_URL")
            if from_env:
                self.pg_admin_url, self.pg_origin = from_env, "DATABASE_ADMIN_URL"
            else:
                subprocess.run([str(self.repo_root / "infra/postgres.sh"), "start"], check=True)
                url = subprocess.run(
                    [str(self.repo_root / "infra/postgres.sh"), "url", "postgres"],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.strip()
                self.pg_admin_url, self.pg_origin = url, "started by infra/postgres.sh"
        return self.pg_admin_url

    def documents(self) -> None:
        """Install what printable documents need (the CJK font, pdftoppm) when missing, once per run."""
        if not self.documents_ready:
            subprocess.run([str(self.repo_root / "infra/documents.sh")], check=True, capture_output=True)
            self.documents_ready = True

    def describe(self) -> list[str]:
        lines = []
        if self.kafka_bootstrap:
            lines.append(f"kafka: {self.kafka_bootstrap} ({self.kafka_origin})")
        if self.pg_admin_url:
            shown = make_url(self.pg_admin_url).render_as_string(hide_password=True)
            lines.append(f"postgresql: {shown} ({self.pg_origin}; {self.pg_version})")
        return lines


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def server_version(admin_url: str) -> str:
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        return str(await connection.fetchval("SELECT version()")).split(" on ")[0]
    finally:
        await connection.close()


async def create_database(admin_url: str, prefix: str = "t") -> str:
    """A new empty database on the server; returns its SQLAlchemy URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


async def drop_database(admin_url: str, url: str) -> None:
    name = make_url(url).database
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


async def delete_topics(bootstrap: str, prefix: str) -> None:
    """Delete every topic whose name starts with ``prefix`` (a test's own topics)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10_000)
    try:
        await admin.start()
        doomed = [name for name in await admin.list_topics() if name.startswith(prefix)]
        if doomed:
            await admin.delete_topics(doomed)
    except KafkaError:
        pass  # best effort: a broker that is down (a restart test) keeps them, harmlessly
    finally:
        await admin.close()
