from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "hangviet.reporting"
    verbose_name = _("Báo cáo định kỳ")

    def ready(self) -> None:
        from hangviet.orgs.models import Organisation, OrganisationSuccession

        pre_save.connect(_parent_changing, sender=Organisation, dispatch_uid="totals_parent_changing")
        post_save.connect(_parent_changed, sender=Organisation, dispatch_uid="totals_parent_changed")
        pre_save.connect(_succession_changing, sender=OrganisationSuccession, dispatch_uid="totals_succession_changing")
        post_save.connect(_succession_saved, sender=OrganisationSuccession, dispatch_uid="totals_succession_saved")
        pre_delete.connect(_succession_leaving, sender=OrganisationSuccession, dispatch_uid="totals_succession_leaving")
        post_delete.connect(_succession_left, sender=OrganisationSuccession, dispatch_uid="totals_succession_left")


# The totals count a report in every organisation above its reporter (reporting.totals): when the tree moves,
# the nodes above the moved organisation are recomputed in the same transaction. ``raw`` saves (fixtures) skip.


def _parent_changing(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from hangviet.reporting import totals

    instance._totals_before = None
    if raw or instance.pk is None:
        return
    old_parent = sender.objects.filter(pk=instance.pk).values_list("parent_id", flat=True).first()
    if old_parent != instance.parent_id:
        instance._totals_before = totals.tree_changing(instance.pk)


def _parent_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from hangviet.reporting import totals

    before = getattr(instance, "_totals_before", None)
    if not raw and before is not None:
        totals.tree_changed(instance.pk, before)


def _succession_changing(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from hangviet.reporting import totals

    instance._totals_before = set()
    if not raw and instance.pk is not None:  # an edited succession: whoever counted the old one too
        old = sender.objects.filter(pk=instance.pk).values_list("predecessor_id", flat=True).first()
        if old is not None:
            instance._totals_before = totals.tree_changing(old) | totals.tree_changing(instance.predecessor_id)


def _succession_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from hangviet.reporting import totals

    if not raw:
        totals.tree_changed(instance.predecessor_id, getattr(instance, "_totals_before", set()))


def _succession_leaving(sender: Any, instance: Any, **kwargs: Any) -> None:
    from hangviet.reporting import totals

    instance._totals_before = totals.tree_changing(instance.predecessor_id)


def _succession_left(sender: Any, instance: Any, **kwargs: Any) -> None:
    from hangviet.reporting import totals

    totals.tree_changed(instance.predecessor_id, getattr(instance, "_totals_before", set()))
