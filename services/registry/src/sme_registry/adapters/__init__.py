"""Registry's adapters: ORM tables, repositories, event publishing."""
