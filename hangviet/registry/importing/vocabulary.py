"""What the words in a list's cells mean, as named data: kinds of events, sale points and clubs, statuses, a
producer's legal form. Each entry is (words that must all appear, joined by "+"; the code; an example as offices
write it), tried in order, the most specific first. The codes are those of ``registry/catalogue.py`` and the
models' choices.
"""

from __future__ import annotations

Vocabulary = tuple[tuple[str, str, str], ...]

EVENT_KIND_WORDS: Vocabulary = (
    ("phien cho+dem", "night_market", "Phiên chợ đêm hàng Việt"),
    ("cho dem", "night_market", "Chợ đêm bán hàng Việt"),
    ("phien cho+cong nhan", "workers_market", "Phiên chợ hàng Việt phục vụ công nhân"),
    ("phien cho+nghia tinh", "charity_market", "Phiên chợ nghĩa tình"),
    ("phien cho+nong san", "farm_market", "Phiên chợ nông sản an toàn"),
    ("phien cho", "rural_market", "Phiên chợ hàng Việt về nông thôn"),
    ("cho hang viet", "rural_market", "Chợ hàng Việt về nông thôn năm 2023"),
    ("ket noi", "trade_connection", "Hội nghị kết nối cung cầu tại Phú Quốc"),
    ("giao thuong", "trade_connection", "Chương trình giao thương doanh nghiệp"),
    ("trien lam", "exhibition", "Triển lãm sản phẩm công nghiệp nông thôn"),
    ("tuan hang", "goods_week", "Tuần hàng Việt"),
    ("hoi cho", "fair", "Hội chợ Thương mại – Du lịch"),
    ("luu dong", "mobile_sale", "Bán hàng Việt lưu động tại khu công nghiệp"),
    ("dua hang", "delivery", "Chuyến đưa hàng Việt về hải đảo"),
    ("binh on", "delivery", "Bán hàng bình ổn thị trường Tết"),
    ("trung bay", "display", "Trưng bày sản phẩm tại Hội nghị giao ban"),
    ("gioi thieu san pham", "display", "Giới thiệu sản phẩm OCOP"),
    ("le hoi", "fair", "Lễ hội bánh dân gian Nam bộ"),
)

SALE_POINT_KIND_WORDS: Vocabulary = (
    ("dung chan", "ocop_stop", "điểm dừng chân Sáu Dư"),
    ("tinh hoa", "essence_viet", "Điểm bán “Tinh hoa hàng Việt Nam”"),
    ("tu hao", "proud_viet", "Điểm bán “Tự hào hàng Việt Nam”"),
    ("chat luong cao", "quality_viet", "Điểm bán hàng Việt chất lượng cao"),
    ("sieu thi+cong doan", "union_supermarket", "Siêu thị Công đoàn"),
    ("giam gia", "discount_booth", "Gian hàng giảm giá"),
    ("nong san+an toan", "safe_produce", "Địa chỉ bán nông sản an toàn"),
    ("trung bay+thuong xuyen", "permanent_display", "Trưng bày thường xuyên tại Trung tâm Xúc tiến"),
    ("ocop", "ocop_store", "Cửa hàng giới thiệu và kinh doanh sản phẩm OCOP"),
    ("dac san", "ocop_store", "cửa hàng đặc sản quê Hai Ứng"),
    ("hang viet", "proud_viet", "Điểm bán hàng Việt"),
)

SALE_POINT_STATUS_WORDS: Vocabulary = (
    ("tam", "paused", "Tạm dừng hoạt động"),
    ("ngung", "closed", "Ngừng hoạt động"),
    ("giai the", "closed", "Giải thể"),
    ("hoat dong", "active", "Đang hoạt động"),  # before "đóng": "động" folds to the same word
    ("dong", "closed", "Đã đóng cửa"),
    ("mo cua", "active", "Mở cửa"),
)

EVENT_STATUS_WORDS: Vocabulary = (
    ("huy", "cancelled", "Đã hủy"),
    ("hoan", "cancelled", "Hoãn tổ chức"),
    ("chua", "planned", "Chưa tổ chức"),
    ("du kien", "planned", "Dự kiến"),
    ("ke hoach", "planned", "Theo kế hoạch"),
    ("da", "done", "Đã tổ chức"),
    ("hoan thanh", "done", "Hoàn thành"),
    ("xong", "done", "Xong"),
)

AREA_STATUS_WORDS: Vocabulary = (
    ("khong duy tri", "lapsed", "Không duy trì"),
    ("ngung", "lapsed", "Ngừng duy trì"),
    ("chua dat", "registered", "Chưa đạt"),
    ("khong dat", "registered", "Không đạt"),
    ("dat", "recognised", "Đạt"),
    ("cong nhan", "recognised", "Đã công nhận"),
    ("dang ky", "registered", "Đăng ký xây dựng"),
    ("xay dung", "registered", "Đang xây dựng"),
)

CLUB_KIND_WORDS: Vocabulary = (
    ("nguoi tieu dung", "consumer", "CLB “Người tiêu dùng”"),
    ("mua sam", "household_shopping", "Câu lạc bộ mua sắm gia đình"),
    ("phu nu", "family_movement", "CLB phụ nữ, tổ tiết kiệm"),
    ("gia dinh", "family_movement", "CLB gia đình 5 không 3 sạch"),
    ("tiet kiem", "family_movement", "Tổ tiết kiệm của Hội Phụ nữ"),
)

LEGAL_FORM_WORDS: Vocabulary = (
    ("to hop tac", "coop_group", "Tổ hợp tác sản xuất rau an toàn"),
    ("tht", "coop_group", "THT trồng bưởi"),
    ("hop tac xa", "cooperative", "Hợp tác xã Nông nghiệp Mỹ Hòa"),
    ("htx", "cooperative", "HTX Mật hoa dừa"),
    ("cong ty", "company", "Công ty TNHH Thực phẩm Trà Vinh"),
    ("doanh nghiep", "company", "Doanh nghiệp tư nhân Ba Lượng"),
    ("dntn", "company", "DNTN Sáu Dư"),
    ("tnhh", "company", "TNHH MTV"),
    ("co phan", "company", "Cổ phần"),
    ("ho kinh doanh", "household", "Hộ kinh doanh Hai Ứng"),
    ("hkd", "household", "HKD Bánh tét Trà Cuôn"),
    ("lang nghe", "craft_village", "Làng nghề bánh tráng"),
    ("co so", "workshop", "Cơ sở sản xuất Tấn Phát"),
    ("ho san xuat", "farmer", "Hộ sản xuất"),
    ("ho nong dan", "farmer", "Hộ nông dân"),
)
