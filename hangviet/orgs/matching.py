"""Matching organisation names as documents write them to the organisations we know (rapidfuzz).

Documents abbreviate ("Sở NN và PTNT"), change case ("Sở Công thương"), add the place ("Sở Công Thương
thành phố") and use former names ("Sở Thông tin và Truyền thông" in a 2024 plan). Names are folded
(no diacritics, lower case), abbreviations expanded and place words removed before comparing; an
organisation is compared under its current and former names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from hangviet.lib.text import fold_diacritics
from hangviet.orgs.models import Organisation

THRESHOLD = 86
MENTION_THRESHOLD = 92

# Folded abbreviation → folded full words. Order matters: longer forms first.
ABBREVIATIONS = [
    (r"\bnn\s*(?:va|&)\s*ptnt\b", "nong nghiep va phat trien nong thon"),
    (r"\bnn\s*(?:va|&)\s*mt\b", "nong nghiep va moi truong"),
    (r"\btt\s*(?:va|&)\s*tt\b", "thong tin va truyen thong"),
    (r"\bkh\s*(?:va|&)\s*cn\b", "khoa hoc va cong nghe"),
    (r"\bkh\s*(?:va|&)\s*dt\b", "ke hoach va dau tu"),
    (r"\bvh\s*[,-]?\s*tt\s*(?:va|&|-)\s*dl\b", "van hoa, the thao va du lich"),
    (r"\bvhttdl\b", "van hoa, the thao va du lich"),
    (r"\bld\s*[,-]?\s*tb\s*(?:va|&)\s*xh\b", "lao dong - thuong binh va xa hoi"),
    (r"\bubmttqvn\b|\bubmttq\b", "uy ban mat tran to quoc"),
    (r"\bmttqvn\b|\bmttq\b", "mat tran to quoc"),
    (r"\blhpn\b", "lien hiep phu nu"),
    (r"\bccb\b", "cuu chien binh"),
    (r"\bldld\b", "lien doan lao dong"),
    (r"\bqltt\b", "quan ly thi truong"),
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bbcd\b", "ban chi dao"),
    (r"\bbvqlntd\b|\bbvntd\b", "bao ve quyen loi nguoi tieu dung"),
    (r"\bhtx\b", "hop tac xa"),
    (r"\bdtn\b|\bdoan tn\b", "doan thanh nien"),
    (r"\btp\.?\b", "thanh pho"),
]
NOISE = re.compile(r"\b(thanh pho|tinh|viet nam|cong san ho chi minh|cuoc van dong|thanh uy|tinh uy)\b")
# The committee itself, as a name starts: "Ban Thường trực Ủy ban MTTQ …", "Tổ giúp việc Ban Chỉ đạo", "Ban Chỉ đạo
# Cuộc vận động thành phố" (not "Các cuộc họp của Ban Chỉ đạo", a topic that mentions it).
STANDING_OFFICE = re.compile(r"^(?:co quan\s+)?(?:ban\s+)?(?:thuong truc|to giup viec|to thu ky|chi dao)\b")


def normalise(name: str, *, place: str = "") -> str:
    """The comparable form of a name: folded, abbreviations expanded, place and tier words removed."""
    text = fold_diacritics(name).replace("&", " & ")
    for pattern, full in ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    if place:
        text = text.replace(fold_diacritics(place), " ")
    text = NOISE.sub(" ", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@dataclass(frozen=True)
class Match:
    organisation: Organisation | None
    score: float
    text: str


class OrganisationMatcher:
    """Matches names within one committee: the committee itself (its standing office) and its agencies."""

    def __init__(self, committee: Organisation, agencies: Iterable[Organisation], *, place: str = "") -> None:
        self.committee = committee
        self.place = place
        self.names: list[tuple[str, Organisation]] = []
        for agency in agencies:
            for name in [agency.name, *(former.name for former in agency.former_names.all())]:
                self.names.append((normalise(name, place=place), agency))

    def match(self, text: str) -> Match:
        """The best organisation for ``text``, or no organisation when nothing scores above the threshold."""
        folded = fold_diacritics(text)
        if STANDING_OFFICE.match(folded):
            return Match(self.committee, 100.0, text)
        wanted = normalise(text, place=self.place)
        best: tuple[float, Organisation | None] = (0.0, None)
        for name, organisation in self.names:
            score = fuzz.token_sort_ratio(wanted, name)
            if score > best[0]:
                best = (score, organisation)
        if best[0] >= THRESHOLD:
            return Match(best[1], best[0], text)
        return Match(None, best[0], text)

    def mentions(self, text: str, *, exclude: Organisation | None = None) -> list[Organisation]:
        """Agencies named anywhere in ``text`` (for coordinating units), in the order of the catalogue."""
        haystack = normalise(text, place=self.place)
        found: list[Organisation] = []
        for name, organisation in self.names:
            if organisation in found or organisation == exclude or len(name) < 6:
                continue
            if fuzz.partial_ratio(name, haystack) >= MENTION_THRESHOLD:
                found.append(organisation)
        return found
