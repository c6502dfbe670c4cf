"""Reference data every database of the platform holds: units, indicators, rules, report forms."""

from __future__ import annotations

from hangviet.indicators.catalogue import load_catalogue
from hangviet.reporting.catalogue import load_forms
from hangviet.units.loader import load_units
from hangviet.units.models import Unit


def load_reference_data(*, only_if_missing: bool = False) -> None:
    """Load (or refresh) all reference data; with ``only_if_missing``, skip the units when present."""
    if not (only_if_missing and Unit.objects.exists()):
        load_units()
    load_catalogue()
    load_forms()
