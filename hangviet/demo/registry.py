"""Demo registry rows: what old Tỉnh Trà Vinh's Báo cáo số 154/BC-MTTQ-BCĐCVĐ (23/6/2023) says of the first half
of 2023, so that its imported report (184 OCOP products, 2 connection trips typed) shows the registry beside it
(178 products, 3 connection events) with the reconciliation warnings.

From the document, recorded by the historic Tỉnh Trà Vinh committee (the document credits "các ngành thành viên
Ban Chỉ đạo tỉnh"): the two Tết Quân – Dân markets with their per-market figures (fn 3), the four out-of-province
fairs and one group row for the 10 booths (fn 4), the three connection events, the Phú Quốc one co-organised with
Kiên Giang, Hậu Giang and Bến Tre (fn 5), and the six OCOP stores with their addresses (fn 6). They are written
as the rows ingest proposes for that report and recorded through ``ingest.actions.record_proposals``, so
importing the report again finds them "đã có trong sổ theo dõi".

OCOP, recorded by the historic Sở Nông nghiệp và Phát triển nông thôn (the document names it as the lead): 178
products in force on 14/6/2023 (137 three-star, 38 four-star, 3 five-star) of 118 producers of the four legal
forms the document lists. The document names neither products nor producers, except "Mật Hoa dừa" at xã Phú
Cần: the others are clearly sample names of kinds of products the Mekong provinces make ("Nước mắm cá cơm mẫu 001
(dữ liệu minh họa)", "Chủ thể mẫu 001"), so that a visitor of the portal searching "nuoc mam" finds some, spread
over the old communes, recognised between 2021 and 5/2023 (docs/decisions.md). The six stores get approximate
coordinates (sample data, for the portal's map). Idempotent: a second run records nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.registry import actions
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.models import Event, OcopProduct, Producer, SalePoint
from hangviet.units.models import Unit

DOCUMENT = "Báo cáo số 154/BC-MTTQ-BCĐCVĐ ngày 23/6/2023"
PERIOD = PeriodKey(2023, "H1")
EXACT, MORE_THAN, ABOUT = Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.ABOUT
TET = "Tết Quân – Dân năm 2023"
FN3 = (
    "mỗi phiên chợ có 24 doanh nghiệp tham gia với 60 gian hàng, doanh thu đạt khoảng 850 triệu đồng/phiên chợ "
    "và có hơn 5.000 lượt khách tham quan/phiên chợ."
)
MARKET_FIGURES = {
    "businesses": [24, EXACT],
    "booths": [60, EXACT],
    "revenue_vnd": [850_000_000, ABOUT],
    "visitors": [5000, MORE_THAN],
}


def _row(registry: str, kind: str, name: str, place: str = "", location: str = "", **extra: Any) -> dict[str, Any]:
    return {
        "registry": registry,
        "kind": kind,
        "name": name,
        "place": place,
        "when_text": "",
        "programme": "",
        "theme": "",
        "edition": "",
        "operator": "",
        "organisers": [],
        "figures": {},
        "declared_count": None,
        "list_id": location,
        "location": location,
        "evidence": "",
        "decision": "accept",
        **extra,
    }


def _market(place: str) -> dict[str, Any]:
    return _row(
        "event",
        "rural_market",
        f"Phiên chợ hàng Việt về nông thôn tại {place}",
        place,
        "chú thích 3",
        when_text=TET,
        programme=TET,
        figures=MARKET_FIGURES,
        evidence=FN3,
    )


def _fair(name: str, place: str, **extra: Any) -> dict[str, Any]:
    return _row("event", "fair", name, place, "chú thích 4", evidence=f"{name} tại {place}", **extra)


EVENTS: list[dict[str, Any]] = [
    _market("huyện Châu Thành"),
    _market("thành phố Trà Vinh"),
    _fair("Hội chợ Công Thương vùng Đông Bắc-Phủ Thọ", "TP. Việt Trì, tỉnh Phú Thọ"),
    _fair(
        "Hội chợ tại Lễ hội bánh dân gian Nam bộ lần thứ X, năm 2023",
        "Cần Thơ",
        edition="lần thứ X",
        when_text="năm 2023",
    ),
    _fair("Hội chợ hàng Việt Nam Xuất khẩu", "thành phố Hồ Chí Minh"),
    _fair(
        "Hội chợ Thương mại - Du lịch quốc tế Nha Trang năm 2023", "TP. Nha Trang, tỉnh Khánh Hòa", when_text="năm 2023"
    ),
    _row(
        "group",
        "fair",
        "Tham gia 04 cuộc hội chợ ngoài tỉnh và vận động doanh nghiệp trưng bày 10 gian hàng để giới thiệu, quảng "
        "bá sản phẩm chủ lực của tỉnh",
        location="chú thích 4",
        figures={"booths": [10, EXACT]},
        declared_count=4,
        evidence="tham gia 04 cuộc hội chợ ngoài tỉnh⁴ và vận động doanh nghiệp trưng bày 10 gian hàng",
    ),
    _row(
        "event",
        "trade_connection",
        "Hội nghị Kết nối giao thương giữa các hệ thống Phân phối thành phố Hồ Chí Minh với các tỉnh, thành phố "
        "thuộc vùng Đồng bằng sông Cửu Long",
        "tỉnh Bến Tre",
        "chú thích 5",
        figures={"businesses": [12, EXACT], "products": [30, MORE_THAN]},
        evidence="có 12 cơ sở/doanh nghiệp tham gia với hơn 30 sản phẩm được trưng bày",
    ),
    _row(
        "event",
        "trade_connection",
        "Hội nghị kết nối cung cầu đẩy mạnh tiêu thụ sản phẩm nông nghiệp, công nghiệp nông thôn tiêu biểu, OCOP "
        "giữa các tỉnh, Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh",
        "Thành phố Phú Quốc",
        "chú thích 5",
        # Kiên Giang and Hậu Giang have historic committees in the demo; Bến Tre is kept by its name.
        organisers=[{"name": name, "role": "co_organiser"} for name in ("Kiên Giang", "Bến Tre", "Hậu Giang")],
        evidence="Hội nghị kết nối cung cầu … giữa các tỉnh, Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh tại Phú Quốc",
    ),
    _row(
        "event",
        "trade_connection",
        "Hội nghị kết nối thông tin thị trường xuất khẩu với chủ đề “Nông sản Việt vươn xa”",
        "Thành phố Hồ Chí Minh",
        "chú thích 5",
        theme="Nông sản Việt vươn xa",
        figures={"businesses": [15, EXACT]},
        evidence="Hội nghị kết nối thông tin thị trường xuất khẩu … Kết quả, có 15 doanh nghiệp tham gia.",
    ),
]

STORES: list[dict[str, Any]] = [
    _row(
        "sale_point",
        kind,
        name,
        place,
        "chú thích 6",
        operator=operator,
        evidence=f"{name}, {place}" if place else name,
    )
    for kind, name, place, operator in (
        ("ocop_store", "Cửa hàng đặc sản quê Hai Ứng", "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành", ""),
        ("ocop_store", "Cửa hàng tại Khu Du lịch biển Ba Động", "Khu Du lịch biển Ba Động", ""),
        ("ocop_store", "Cửa hàng tại Khu Di tích Ao Bà Om", "Khu Di tích Ao Bà Om", ""),
        ("ocop_store", "Cửa hàng ngang nhà thi đấu (đường 19/5)", "ngang nhà thi đấu (đường 19/5)", ""),
        ("ocop_stop", "Điểm dừng chân Sáu Dư", "ấp Rạch Dừa, xã Đại Phước, huyện Càng Long", ""),
        (
            "ocop_store",
            "Cửa hàng của Liên Minh HTX tỉnh Trà Vinh",
            "số 40, đường Nguyễn Thái Học, phường 1, thành phố Trà Vinh",
            "Liên Minh HTX tỉnh Trà Vinh",
        ),
    )
]

# OCOP: 137 + 38 + 3 products in force on 14/6/2023, of 118 producers of the four legal forms the document lists.
STARS = (5,) * 3 + (4,) * 38 + (3,) * 137
LEGAL_FORMS = (
    (Producer.LegalForm.COMPANY, 21),
    (Producer.LegalForm.COOPERATIVE, 42),
    (Producer.LegalForm.COOPERATIVE_GROUP, 9),
    (Producer.LegalForm.HOUSEHOLD_BUSINESS, 46),
)
FIRST_RECOGNITION, LAST_RECOGNITION = datetime.date(2021, 1, 15), datetime.date(2023, 5, 31)
# Sample product kinds (not from the document) and their group, so the portal's search has something to find.
SAMPLE_KINDS = (
    ("Nước mắm cá cơm", "Thực phẩm"),
    ("Kẹo dừa", "Thực phẩm"),
    ("Mật ong hoa dừa", "Thực phẩm"),
    ("Bánh tét lá cẩm", "Thực phẩm"),
    ("Nước mắm truyền thống", "Thực phẩm"),
    ("Cốm dẹp", "Thực phẩm"),
    ("Trà mãng cầu", "Đồ uống"),
    ("Rượu dừa", "Đồ uống"),
    ("Dầu dừa tinh khiết", "Thảo dược"),
    ("Chả lụa", "Thực phẩm"),
    ("Sản phẩm thủ công từ gáo dừa", "Lưu niệm, nội thất, trang trí"),
    ("Gạo thơm", "Thực phẩm"),
)
# Approximate coordinates of the six stores (sample data for the map, not from the document).
STORE_COORDINATES = {
    "Cửa hàng đặc sản quê Hai Ứng": ("9.866000", "106.411000"),
    "Cửa hàng tại Khu Du lịch biển Ba Động": ("9.656000", "106.578000"),
    "Cửa hàng tại Khu Di tích Ao Bà Om": ("9.918000", "106.315000"),
    "Cửa hàng ngang nhà thi đấu (đường 19/5)": ("9.940000", "106.339000"),
    "Điểm dừng chân Sáu Dư": ("9.977000", "106.230000"),
    "Cửa hàng của Liên Minh HTX tỉnh Trà Vinh": ("9.934500", "106.343000"),
}


def _tra_vinh_committee() -> Organisation | None:
    return Organisation.objects.filter(
        kind=Organisation.Kind.COMMITTEE, unit__edition=Unit.Edition.PRE_2025, unit__level="province", unit__code="84"
    ).first()


@transaction.atomic
def build_registry() -> None:
    """Record Trà Vinh's 2023-H1 events, stores and OCOP products (nothing when they are there already)."""
    # Imported here, not at the top: ingest.actions declares a background task, and importing it configures
    # the task backends; the demo is imported early (by test set-up) and must not fix them before settings do.
    from hangviet.ingest.actions import record_proposals

    committee = _tra_vinh_committee()
    if committee is None:
        return
    period = Period.objects.for_key(PERIOD)
    record_proposals(
        [*EVENTS, *STORES], organisation=committee, period=period, note=f"Theo {DOCUMENT}", acting_user=None
    )
    _place_stores(committee)
    _upcoming_fair()
    agriculture = committee.children.filter(kind=Organisation.Kind.AGENCY, short_name="SNNMT").first()
    if agriculture is not None and not OcopProduct.objects.filter(recorded_by=agriculture).exists():
        _build_ocop(agriculture)


def _place_stores(committee: Organisation) -> None:
    """Give the six stores their (approximate) coordinates, once."""
    for point in SalePoint.objects.filter(recorded_by=committee, name__in=STORE_COORDINATES).select_related("place"):
        if point.place is not None and point.place.has_coordinates:
            continue
        latitude, longitude = STORE_COORDINATES[point.name]
        actions.update_record(
            point,
            fields={},
            place_details={"latitude": Decimal(latitude), "longitude": Decimal(longitude)},
            acting_user=None,
        )


UPCOMING_FAIR = "Hội chợ hàng Việt Vĩnh Long mừng Xuân 2027 (dữ liệu minh họa)"


def _upcoming_fair() -> None:
    """A planned fair of today's Vĩnh Long (sample data, not from the document), so that the portal's calendar
    has something to come; planned events count in no figure."""
    trade = Organisation.objects.filter(
        kind=Organisation.Kind.AGENCY,
        short_name="SCT",
        valid_to__isnull=True,
        unit__code="86",
        unit__valid_to__isnull=True,
    ).first()
    if trade is None or Event.objects.filter(name=UPCOMING_FAIR).exists():
        return
    actions.record_event(
        trade,
        fields={
            "name": UPCOMING_FAIR,
            "kind": "fair",
            "starts_on": datetime.date(2027, 1, 20),
            "ends_on": datetime.date(2027, 1, 24),
            "status": Event.Status.PLANNED,
            "theme": "Người Việt Nam ưu tiên dùng hàng Việt Nam",
        },
        place_text="Phường Trà Vinh",
        organisers=[actions.OrganiserInput(role="co_organiser", name="Liên Minh HTX tỉnh Vĩnh Long")],
        acting_user=None,
    )


def _communes(province: Unit) -> list[Unit]:
    return list(
        Unit.objects.filter(level=Unit.Level.COMMUNE, parent__parent=province).select_related("parent").order_by("code")
    )


def _build_ocop(agency: Organisation) -> None:
    communes = _communes(agency.unit)
    phu_can = next(c for c in communes if c.name == "Xã Phú Cần" and c.parent and c.parent.name == "Huyện Tiểu Cần")
    span = (LAST_RECOGNITION - FIRST_RECOGNITION).days
    producers: list[Producer] = []
    forms = [form for form, count in LEGAL_FORMS for _n in range(count)]
    for number, form in enumerate(forms, start=1):
        if number == len(forms):
            name, commune = "Chủ thể Mật Hoa dừa", phu_can  # "chủ thể Mật Hoa dừa" [travinh:55], name unknown
        else:
            name, commune = f"Chủ thể mẫu {number:03d}", communes[(number * 7) % len(communes)]
        place = actions.place_for(
            agency, f"{commune.name}, {commune.parent.name if commune.parent else ''}", unit=commune
        )
        producers.append(actions.create_producer(agency, name=name, legal_form=form, place=place, acting_user=None))
    # 60 producers have two products, the others one: 118 + 60 = 178.
    owners = [*producers, *producers[:60]]
    for number, (stars, producer) in enumerate(zip(STARS, owners, strict=True), start=1):
        if producer.name == "Chủ thể Mật Hoa dừa":
            name, category = "Mật Hoa dừa", "Thực phẩm"
            description = "Sản phẩm thí điểm chuỗi giá trị OCOP tại xã Phú Cần, huyện Tiểu Cần."
            description += " Hạng sao và ngày công nhận: dữ liệu minh họa."
        else:
            kind, category = SAMPLE_KINDS[number % len(SAMPLE_KINDS)]
            name, description = f"{kind} mẫu {number:03d} (dữ liệu minh họa)", "Dữ liệu minh họa, không có thật."
        product = actions.record_product(
            agency,
            name=name,
            producer=producer,
            description=description,
            category=category,
            acting_user=None,
        )
        decided_on = FIRST_RECOGNITION + datetime.timedelta(days=(number * 97) % (span + 1))
        actions.recognise_product(product, stars=stars, decided_on=decided_on, acting_user=None)
        if number % 6:
            # Illustrative renewals (five products in six) in the months before the first recognition lapses, so
            # that today's registry is alive and its expiry board has work; all fall after 14/6/2023.
            renewed_on = actions.add_months(decided_on, 36) - datetime.timedelta(days=number % 60 + 1)
            actions.recognise_product(
                product, stars=stars, decided_on=renewed_on, decision="Quyết định gia hạn (minh họa)", acting_user=None
            )
