"""The English interface is complete — periods, indicators, rule messages and errors read in English — while
the committee's papers (the drafted Báo cáo, Word files, exports, notices stored for others) stay Vietnamese."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from docx import Document as read_docx
from openpyxl import load_workbook

from hangviet.consolidation.tests.conftest import accepted
from hangviet.documents.models import Document
from hangviet.documents.tests.helpers import finish
from hangviet.indicators.rules import RuleBook
from hangviet.lib.i18n import catalogue_text, in_vietnamese
from hangviet.lib.periods import PeriodKey
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.notifications.models import Notification
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions as reporting

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _po_entries(path: Path) -> list[tuple[set[str], str, str]]:
    """``(flags, msgid, msgstr)`` of every live entry of a .po file (obsolete ``#~`` entries left out); a plural
    entry is flagged ``plural`` (one with a msgctxt ``context``) and its msgstr is "|" when a form is empty."""
    entries = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line for line in chunk.strip().splitlines() if not line.startswith("#~")]
        flags = {flag.strip() for line in lines if line.startswith("#,") for flag in line[2:].split(",")}
        fields: dict[str, list[str]] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            head = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if head:
                current = head[1]
                fields[current] = [head[2]]
            elif current and line.startswith('"'):
                fields[current].append(line[1:-1])
        if "msgid" not in fields:
            continue
        msgid = "".join(fields["msgid"])
        flags |= {name for name, field in (("plural", "msgid_plural"), ("context", "msgctxt")) if field in fields}
        forms = ["".join(value) for key, value in fields.items() if key.startswith("msgstr")]
        entries.append((flags, msgid, "|" if any(not form for form in forms) else " ".join(forms)))
    return entries


def test_the_english_catalogue_has_no_empty_or_fuzzy_entry() -> None:
    entries = [entry for entry in _po_entries(CATALOGUE) if entry[1]]  # the header has an empty msgid
    assert len(entries) > 2000
    fuzzy = [msgid for flags, msgid, _msgstr in entries if "fuzzy" in flags]
    empty = [msgid for _flags, msgid, msgstr in entries if not msgstr.strip() or msgstr == "|"]
    assert fuzzy == [], f"fuzzy (check and remove the flag): {fuzzy[:10]}"
    assert empty == [], f"untranslated: {empty[:10]}"


def test_the_compiled_catalogue_is_the_one_in_the_po_file() -> None:
    """Forgetting ``compilemessages`` after translating shows Vietnamese to English readers."""
    stale = []
    with translation.override("en"):
        for flags, msgid, msgstr in _po_entries(CATALOGUE):
            plain = msgid and not flags & {"fuzzy", "plural", "context"} and "\\" not in msgid + msgstr
            formatted = "python-format" in flags or "%" not in msgid
            if plain and formatted and "|" not in msgstr and translation.gettext(msgid) != msgstr:
                stale.append(msgid)
    assert stale == []


def test_periods_are_named_in_the_reader_language() -> None:
    half, year = PeriodKey(2026, "H1"), PeriodKey(2026, "Y")
    with translation.override("en"):
        assert (half.label, year.label, half.short_label) == ("First half of 2026", "Year 2026", "H1 2026")
        with in_vietnamese():
            assert (half.label, year.label) == ("6 tháng đầu năm 2026", "năm 2026")
        assert translation.get_language() == "en"  # the reader's language comes back after the document
    with translation.override("vi"):
        assert (half.label, year.short_label) == ("6 tháng đầu năm 2026", "Năm 2026")


def test_catalogue_texts_and_number_errors_read_in_english() -> None:
    with translation.override("en"):
        assert catalogue_text("Số gian hàng") == "Number of booths"
        assert catalogue_text("Số cuộc tuyên truyền, vận động") == "Communication and advocacy sessions"
        assert catalogue_text("Một chỉ tiêu quản trị viên tự thêm") == "Một chỉ tiêu quản trị viên tự thêm"
        with pytest.raises(NumberFormatError, match="has more than one comma"):
            parse_vn_number("1,2,3")


@pytest.mark.django_db
def test_rule_messages_and_their_arithmetic_read_in_english(world: World) -> None:
    values = {"ocop_products": Decimal(184), "ocop_3_star": Decimal(137), "ocop_4_star": Decimal(38)}
    values["ocop_5_star"] = Decimal(3)
    book = RuleBook.load()
    with translation.override("en"):
        (violation,) = [v for v in book.check(values) if v.rule_code == "ocop_stars_add_up"]
    assert violation.message == "The total of OCOP products differs from the sum of 3-, 4- and 5-star products."
    assert violation.detail == "184 not equal to 137 + 38 + 3 = 178, difference 6"
    (vietnamese,) = [v for v in book.check(values) if v.rule_code == "ocop_stars_add_up"]
    assert vietnamese.detail == "184 khác 137 + 38 + 3 = 178, chênh 6"


@pytest.fixture
def english(client: Client) -> Iterator[Client]:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield client
    translation.activate(settings.LANGUAGE_CODE)  # the middleware leaves the request's language active in the thread


def test_an_english_clerk_enters_a_report_with_english_names(english: Client, world: World) -> None:
    report = reporting.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)
    english.force_login(world.commune_clerk)
    page = english.get(reverse("reporting:detail", args=[report.pk])).content.decode()
    assert 'lang="en"' in page
    assert "First half of 2026" in page and "6 tháng đầu năm" not in page
    assert "Communication and advocacy sessions" in page and "Số cuộc tuyên truyền, vận động" not in page
    checked = english.post(
        reverse("reporting:check", args=[report.pk]),
        {"version": report.version, "value__ocop_products": "184", "value__booths": "1,2,3"},
    ).content.decode()
    assert "has more than one comma" in checked


def test_the_consolidated_table_reads_in_english(english: Client, world: World) -> None:
    accepted(world.vl_trade, "2026-H1", propaganda_sessions=3360, booths=40)
    english.force_login(world.vl_office)
    page = english.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert "First half of 2026" in page and "Communication and advocacy sessions" in page
    assert "(sessions)" in page and "Số cuộc tuyên truyền, vận động" not in page


def test_the_draft_editor_reads_in_english_but_the_report_stays_vietnamese(english: Client, world: World) -> None:
    accepted(world.vl_trade, "2026-H1", propaganda_sessions=3360, propaganda_participants=240000)
    english.force_login(world.vl_office)
    english.post(reverse("documents:create_report", args=[world.vinh_long.pk]), {"period": "2026-H1"})
    document = Document.objects.get(committee=world.vinh_long)
    written = " ".join(block["text"] for block in document.latest.blocks)  # type: ignore[union-attr]
    assert "Cuộc vận động 6 tháng đầu năm 2026 (1 báo cáo đã tiếp nhận)" in written  # an English reader drafted it
    assert "First half" not in written
    page = english.get(reverse("documents:edit", args=[document.pk])).content.decode()
    assert "First half of 2026" in page and "Save version" in page
    assert "tuyên truyền, vận động được 3.360 cuộc" in page  # the text being edited is the Vietnamese report

    draft = english.get(reverse("documents:draft_docx", args=[document.pk]))
    text = "\n".join(paragraph.text for paragraph in read_docx(io.BytesIO(draft.content)).paragraphs)
    assert "6 tháng đầu năm 2026" in text and "BÁO CÁO" in text
    assert "First half" not in text and "Year 2026" not in text

    english.post(
        reverse("documents:issue", args=[finish(document).pk]),
        {"issued_on": "2026-06-23", "signer_name": "Trần Văn Phúc", "recipients": "Lưu: VT, BCĐ.", "confirm": "on"},
    )
    document.refresh_from_db()
    assert document.status == Document.Status.ISSUED
    downloaded = english.get(reverse("documents:file", args=[document.pk]))
    issued = read_docx(io.BytesIO(b"".join(downloaded.streaming_content)))
    words = "\n".join(paragraph.text for paragraph in issued.paragraphs)
    assert "6 tháng đầu năm 2026" in words and "First half" not in words


def test_the_consolidated_workbook_stays_vietnamese_for_an_english_reader(english: Client, world: World) -> None:
    accepted(world.vl_trade, "2026-H1", propaganda_sessions=3360)
    english.force_login(world.vl_office)
    response = english.get(reverse("consolidation:table_xlsx", args=[world.vinh_long.pk, "2026-H1"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet["A1"].value.startswith("TỔNG HỢP SỐ LIỆU 6 THÁNG ĐẦU NĂM 2026")
    assert "Số cuộc tuyên truyền, vận động (cuộc)" in [cell.value for cell in sheet[3]]


@pytest.mark.django_db
def test_notices_an_english_reader_causes_are_written_in_vietnamese(world: World) -> None:
    """A notice is stored once for people who may read Vietnamese: the language of its author's page is not theirs."""
    report = reporting.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)
    reporting.save_report(
        report, values={"propaganda_sessions": Decimal(12)}, expected_version=report.version, acting_user=None
    )
    with translation.override("en"):
        reporting.submit_report(report, acting_user=world.commune_clerk)
        reporting.accept_report(report, acting_user=world.vl_office)
    titles = list(Notification.objects.values_list("title", flat=True))
    assert titles and all("6 tháng đầu năm 2026" in title for title in titles)
