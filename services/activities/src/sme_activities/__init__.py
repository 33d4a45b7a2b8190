"""Activities service: Themed months, activities and trainings, the promotion duty, demand reports, service requests."""
