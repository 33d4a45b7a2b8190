"""Review's adapters: tables, repositories, and the publisher that turns domain objects into contracts."""
