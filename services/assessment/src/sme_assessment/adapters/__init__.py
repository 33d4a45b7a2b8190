"""Assessment's adapters: tables, repositories, and the publisher that speaks the contracts."""
