"""Registry service: rounds, applications, district preliminary review, the station register."""
