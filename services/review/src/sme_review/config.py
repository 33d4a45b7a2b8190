"""Review settings."""

from pydantic import Field

from sme_kit.settings import ServiceSettings


class ReviewSettings(ServiceSettings):
    service_name: str = "review"
    database_url: str = "sqlite+aiosqlite:///.local/run/review.sqlite"
    objection_contact: str = Field(
        default="广州市工业和信息化局（异议受理），请以书面形式提交，或通过本系统在线提交",
        description="Where written objections go, printed on every notice unless the bureau gives another.",
    )
    objection_rate_limit: int = Field(default=5, ge=1, description="Objections one client may file per window.")
    objection_rate_window_s: int = Field(default=600, ge=1, description="The rate limit's sliding window.")
