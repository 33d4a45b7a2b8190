"""The activities service's adapters: tables, repositories, and the contracts its events become."""
