"""The tile-grid map of the 34 provinces (since 12/6/2025): one square per province, laid out roughly as the country.

No package that installs offline ships boundaries the project may use (docs/decisions.md), so the map is a grid:
every province the same size, which also keeps small provinces readable. Keys are the provinces' codes in the
reference catalogue (``vietnam-provinces``), never shown on screen.
"""

from __future__ import annotations

# code → (column, row); six columns, north at the top.
TILES: dict[str, tuple[int, int]] = {
    "12": (1, 0),  # Lai Châu
    "15": (2, 0),  # Lào Cai
    "08": (3, 0),  # Tuyên Quang
    "04": (4, 0),  # Cao Bằng
    "11": (0, 1),  # Điện Biên
    "14": (1, 1),  # Sơn La
    "25": (2, 1),  # Phú Thọ
    "19": (3, 1),  # Thái Nguyên
    "20": (4, 1),  # Lạng Sơn
    "22": (5, 1),  # Quảng Ninh
    "01": (2, 2),  # Hà Nội
    "24": (3, 2),  # Bắc Ninh
    "31": (4, 2),  # Hải Phòng
    "37": (2, 3),  # Ninh Bình
    "33": (3, 3),  # Hưng Yên
    "38": (2, 4),  # Thanh Hóa
    "40": (2, 5),  # Nghệ An
    "42": (3, 6),  # Hà Tĩnh
    "44": (3, 7),  # Quảng Trị
    "46": (3, 8),  # Huế
    "48": (4, 8),  # Đà Nẵng
    "51": (4, 9),  # Quảng Ngãi
    "52": (4, 10),  # Gia Lai
    "66": (4, 11),  # Đắk Lắk
    "80": (1, 12),  # Tây Ninh
    "75": (2, 12),  # Đồng Nai
    "68": (3, 12),  # Lâm Đồng
    "56": (4, 12),  # Khánh Hòa
    "82": (1, 13),  # Đồng Tháp
    "79": (2, 13),  # Thành phố Hồ Chí Minh
    "91": (0, 14),  # An Giang
    "92": (1, 14),  # Cần Thơ
    "86": (2, 14),  # Vĩnh Long
    "96": (0, 15),  # Cà Mau
}
COLUMNS = 6
ROWS = 16
TILE_WIDTH = 100
TILE_HEIGHT = 52
GAP = 4

# Five classes, light to dark; the text colour on each meets WCAG AA (4.5:1) against its fill.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#fff5eb", "#212529"),
    ("#fdd0a2", "#212529"),
    ("#fd8d3c", "#212529"),
    ("#d94801", "#000000"),
    ("#7f2704", "#ffffff"),
)
NO_DATA = ("#e9ecef", "#212529")


def tile_key(code: str) -> str:
    """The catalogue writes province codes without a leading zero ("1" for Hà Nội): compare on two digits."""
    return code.zfill(2)


def position(code: str) -> tuple[int, int] | None:
    return TILES.get(tile_key(code))


def viewbox() -> str:
    return f"0 0 {COLUMNS * (TILE_WIDTH + GAP) - GAP} {ROWS * (TILE_HEIGHT + GAP) - GAP}"
