"""Demo reports for 2023–2026 in the demo provinces.

History (2023-H1 to 2025, and 2026-H1 outside Vĩnh Long) is bulk-loaded as accepted reports with
plausible, deterministic figures. Trà Vinh's six-month report of 2023 carries the real figures of report
154/BC-MTTQ-BCĐCVĐ, including its OCOP totals that do not add up (184 against 137 + 38 + 3). In Vĩnh Long
the 2026-H1 round is still open: agencies have submitted (two of them late), one ward has submitted,
one commune has a draft and Phường Trà Vinh has not started, so the board and the workflow have work.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hangviet.consolidation.queries import expected_reporters
from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Deadline, Period
from hangviet.reporting import totals
from hangviet.reporting.catalogue import form_code_for
from hangviet.reporting.models import Report, ReportForm, ReportText, ReportValue, Section, WarningNote
from hangviet.units.models import Unit
from hangviet.units.queries import current_province_of

HISTORY = [
    PeriodKey(2023, "H1"),
    PeriodKey(2023, "Y"),
    PeriodKey(2024, "H1"),
    PeriodKey(2024, "Y"),
    PeriodKey(2025, "H1"),
    PeriodKey(2025, "Y"),
]
OPEN_ROUND = PeriodKey(2026, "H1")

TRA_VINH_2023_H1 = {
    "propaganda_sessions": 3904,
    "propaganda_participants": 267083,
    "media_items": 25,
    "banners": 65,
    "training_courses": 42,
    "training_participants": 1177,
    "fairs": 4,
    "rural_markets": 16,
    "booths": 130,
    "participating_businesses": 75,
    "event_revenue_vnd": 1_700_000_000,
    "event_visitors": 10_000,
    "trade_connection_events": 2,
    "promotion_programs": 9830,
    "ocop_products": 184,
    "ocop_3_star": 137,
    "ocop_4_star": 38,
    "ocop_5_star": 3,
    "ocop_producers": 118,
    "ocop_stores": 6,
}
TRA_VINH_TEXTS = {
    Section.PROPAGANDA: "Các sở, ban, ngành thành viên Ban Chỉ đạo cấp tỉnh tiếp tục phối hợp đẩy mạnh công tác "
    "thông tin, tuyên truyền ... được 3.904 cuộc cho 267.083 lượt cán bộ, đảng viên, đoàn viên, hội viên và người dân.",
    Section.LIMITATIONS: "Công tác phối hợp giữa các ngành thành viên Ban Chỉ đạo tỉnh thiếu thường xuyên; thông tin, "
    "báo cáo chưa kịp thời.",
}

# Typical size of a six-month figure per indicator for one reporter (a yearly report is about twice).
BASE = {
    "propaganda_sessions": 120,
    "propaganda_participants": 9000,
    "media_items": 30,
    "banners": 20,
    "training_courses": 6,
    "training_participants": 400,
    "fairs": 2,
    "rural_markets": 2,
    "booths": 60,
    "participating_businesses": 30,
    "event_revenue_vnd": 600_000_000,
    "event_visitors": 4000,
    "trade_connection_events": 1,
    "promotion_programs": 300,
    "goods_delivered_tonnes": 40,
    "ocop_producers": 60,
    "ocop_stores": 4,
    "viet_sale_points": 12,
    "inspections": 40,
    "violations_handled": 12,
    "fines_vnd": 150_000_000,
    "model_residential_areas": 8,
    "clubs": 10,
    "club_members": 300,
    "commendations": 15,
    "supervisions": 3,
    "committee_budget_vnd": 30_000_000,
}
STOCKS_GROW = {"ocop_producers", "ocop_stores", "viet_sale_points", "model_residential_areas", "clubs", "club_members"}


def _values(
    indicators: list[Indicator], rng: random.Random, key: PeriodKey, step: int, small: bool
) -> dict[str, Decimal]:
    factor = (2 if key.kind == "Y" else 1) * (0.2 if small else 1)
    values: dict[str, Decimal] = {}
    codes = {indicator.code for indicator in indicators}
    for code in codes & BASE.keys():
        if code in STOCKS_GROW:
            amount = BASE[code] * (0.2 if small else 1) * (1 + 0.06 * step)
        else:
            amount = BASE[code] * factor * rng.uniform(0.7, 1.3)
        if code.endswith("_vnd"):
            values[code] = Decimal(int(amount / 1_000_000) * 1_000_000)
        elif code == "goods_delivered_tonnes":
            values[code] = Decimal(str(round(amount, 1)))
        else:
            values[code] = Decimal(max(1, int(amount)))
    if "propaganda_participants" in values and "propaganda_sessions" in values:
        values["propaganda_participants"] = max(values["propaganda_participants"], values["propaganda_sessions"] * 20)
    if {"ocop_3_star", "ocop_4_star", "ocop_5_star", "ocop_products"} <= codes:
        three, four, five = (Decimal(int(n * (0.2 if small else 1) * (1 + 0.06 * step))) for n in (90, 25, 2))
        values.update(ocop_3_star=three, ocop_4_star=four, ocop_5_star=five, ocop_products=three + four + five)
    if "viet_goods_share_pct" in codes:
        values["viet_goods_share_pct"] = Decimal(str(round(rng.uniform(82, 94), 1)))
    return values


class _Loader:
    def __init__(self) -> None:
        self.forms = {form.code: form for form in ReportForm.objects.prefetch_related("indicators")}
        self.indicators = {code: list(form.indicators.all()) for code, form in self.forms.items()}
        self.by_code = {indicator.code: indicator for indicator in Indicator.objects.all()}
        self.provinces: dict[int, Unit | None] = {}
        self.values: list[ReportValue] = []

    def report(
        self,
        organisation: Organisation,
        key: PeriodKey,
        *,
        status: str,
        submitted: datetime.datetime | None,
        values: dict[str, Decimal] | None = None,
        source: str = Report.Source.MANUAL,
        step: int = 0,
    ) -> Report:
        form_code = form_code_for(organisation)
        if organisation.unit_id not in self.provinces:
            self.provinces[organisation.unit_id] = current_province_of(organisation.unit)
        report = Report.objects.create(
            organisation=organisation,
            period=Period.objects.for_key(key),
            form=self.forms[form_code],
            province=self.provinces[organisation.unit_id],
            status=status,
            source=source,
            submitted_at=submitted,
            reviewed_at=submitted + datetime.timedelta(days=2)
            if submitted and status == Report.Status.ACCEPTED
            else None,
        )
        if values is None:
            rng = random.Random(f"{organisation.pk}-{key.code}")
            small = organisation.is_committee and organisation.unit.level == "commune"
            values = _values(self.indicators[form_code], rng, key, step, small)
        self.values.extend(
            ReportValue(report=report, indicator=self.by_code[code], value=value) for code, value in values.items()
        )
        return report

    def flush(self) -> None:
        ReportValue.objects.bulk_create(self.values, batch_size=2000)
        self.values = []


def _moment(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _deadline(key: PeriodKey) -> datetime.date:
    return datetime.date(key.year, 6, 20) if key.kind == "H1" else datetime.date(key.year, 12, 10)


@transaction.atomic
def build_reports(central: Organisation, provinces: list[Organisation], historic: list[Organisation]) -> None:
    """Load the demo reports (skipped if any report exists)."""
    if Report.objects.exists():
        return
    loader = _Loader()
    for committee in [central, *provinces]:
        for key in [*HISTORY, OPEN_ROUND]:
            Deadline.objects.get_or_create(
                committee=committee, period=Period.objects.for_key(key), defaults={"due_on": _deadline(key)}
            )
    for step, key in enumerate(HISTORY):
        period = Period.objects.for_key(key)
        for committee in provinces:
            for organisation in [committee, *expected_reporters(committee, period)]:
                late = (organisation.pk + step) % 9 == 0
                submitted = _moment(_deadline(key) + datetime.timedelta(days=4 if late else -3))
                loader.report(organisation, key, status=Report.Status.ACCEPTED, submitted=submitted, step=step)
        for committee in historic:
            if not committee.exists_on(period.end):
                continue
            submitted = _moment(_deadline(key) - datetime.timedelta(days=2))
            if key == PeriodKey(2023, "H1") and committee.unit.code == "84":
                _tra_vinh(loader, committee, key, submitted)
            else:
                loader.report(committee, key, status=Report.Status.ACCEPTED, submitted=submitted, step=step)
    _open_round(loader, provinces, step=len(HISTORY))
    loader.flush()
    totals.rebuild()  # the reports were loaded in bulk, not accepted one by one: count them all at once


def _tra_vinh(loader: _Loader, committee: Organisation, key: PeriodKey, submitted: datetime.datetime) -> None:
    report = loader.report(
        committee,
        key,
        status=Report.Status.ACCEPTED,
        submitted=submitted,
        values={code: Decimal(value) for code, value in TRA_VINH_2023_H1.items()},
        source=Report.Source.DOCUMENT,
    )
    for section, text in TRA_VINH_TEXTS.items():
        ReportText.objects.create(report=report, section=section, text=text)
    WarningNote.objects.create(
        report=report,
        rule=ValidationRule.objects.get(code="ocop_stars_add_up"),
        comment="Theo Báo cáo số 154/BC-MTTQ-BCĐCVĐ ngày 23/6/2023: tổng theo hạng sao trong báo cáo gốc chưa khớp.",
    )


def _open_round(loader: _Loader, provinces: list[Organisation], *, step: int) -> None:
    key = OPEN_ROUND
    period = Period.objects.for_key(key)
    deadline = _deadline(key)
    for committee in provinces:
        in_vinh_long = committee.unit.code == "86"
        for index, organisation in enumerate([committee, *expected_reporters(committee, period)]):
            if not in_vinh_long:
                loader.report(organisation, key, status=Report.Status.ACCEPTED, submitted=_moment(deadline), step=step)
                continue
            if organisation.is_committee and organisation.unit.level == "commune":
                if organisation.unit.name == "Phường Long Châu":
                    loader.report(
                        organisation,
                        key,
                        status=Report.Status.SUBMITTED,
                        submitted=_moment(deadline - datetime.timedelta(days=1)),
                        step=step,
                    )
                elif organisation.unit.name == "Xã Càng Long":
                    loader.report(organisation, key, status=Report.Status.DRAFT, submitted=None, step=step)
                continue  # Phường Trà Vinh has not started: the demo user fills it in
            late = index in (3, 7)
            loader.report(
                organisation,
                key,
                status=Report.Status.SUBMITTED,
                step=step,
                submitted=_moment(deadline + datetime.timedelta(days=5 if late else -2)),
            )
