"""The unit of work the use cases take, named for the entry points (which never import adapters)."""

from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork, ActivitiesUoWFactory, activities_uow

__all__ = ["ActivitiesUnitOfWork", "ActivitiesUoWFactory", "activities_uow"]
