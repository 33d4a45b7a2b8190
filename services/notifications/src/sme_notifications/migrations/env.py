from sme_kit.migrations import run_env
from sme_notifications.adapters.orm import metadata

run_env(metadata)
