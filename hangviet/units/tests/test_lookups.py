"""``field__any_of``: a long list of ids as one parameter, the same rows as ``__in``."""

from __future__ import annotations

import pytest

from hangviet.units.models import Unit

pytestmark = pytest.mark.django_db


def test_any_of_finds_the_same_rows_as_in_for_a_long_list_an_empty_one_and_a_relation() -> None:
    ids = list(Unit.objects.order_by("pk").values_list("pk", flat=True)[:3000:3])
    assert len(ids) > 900
    assert set(Unit.objects.filter(pk__any_of=ids).values_list("pk", flat=True)) == set(ids)
    assert not Unit.objects.filter(pk__any_of=[]).exists()
    parents = ids[:50]
    assert set(Unit.objects.filter(parent_id__any_of=parents).values_list("pk", flat=True)) == set(
        Unit.objects.filter(parent_id__in=parents).values_list("pk", flat=True)
    )
