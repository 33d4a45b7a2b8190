from sme_activities.adapters.orm import metadata
from sme_kit.migrations import run_env

run_env(metadata)
