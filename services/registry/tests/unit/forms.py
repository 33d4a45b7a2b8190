"""A complete, eligible form to start unit tests from."""

from __future__ import annotations

from sme_contracts.common import OperatorType, ServiceCategory
from sme_registry.domain.forms import ApplicationForm, ContactPerson, StaffMember

USCC = "91440106MA59C1XE2H"

COMPLETE = ApplicationForm(
    uscc=USCC,
    entity_name="广州市天河区创新企业服务有限公司",
    district_code="440106",
    legal_representative="张伟",
    registered_address="广州市天河区天河路 100 号 801 室",
    station_address="广州市天河区天河路 100 号 1 楼",
    operator_type=OperatorType.SME_SERVICE_CENTRE,
    services=(ServiceCategory.LEGAL, ServiceCategory.FINANCING),
    service_experience="近三年服务 300 余家企业",
    management_system="服务台账制度、回访制度",
    contact=ContactPerson("王芳", "020-38881234"),
    staff=(StaffMember("李明", "站长", "13800138000"), StaffMember("陈静", "专员", "13900139000")),
)
