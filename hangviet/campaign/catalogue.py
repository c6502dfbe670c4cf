"""Named data of the campaign app: kinds of outlets and items, outdoor media, award schemes, budget sources and the
legal bases the documents cite (data, replaceable: the documents cite the circulars and nothing more)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutletKind(models.TextChoices):
    PRINT = "print", _("Báo in")
    BROADCAST = "broadcast", _("Phát thanh - truyền hình")
    WEB = "web", _("Cổng, trang thông tin điện tử")
    SOCIAL = "social", _("Trang mạng xã hội")
    LOCAL_RADIO = "local_radio", _("Truyền thanh cơ sở")
    BULLETIN = "bulletin", _("Bản tin, tờ thông tin nội bộ")
    MAGAZINE = "magazine", _("Tạp chí")
    CENTRAL_OFFICE = "central_office", _("Văn phòng đại diện báo Trung ương")


class ItemType(models.TextChoices):
    NEWS = "tin", _("tin")
    ARTICLE = "bai", _("bài")
    REPORTAGE = "phong_su", _("phóng sự")
    SPECIAL_PAGE = "chuyen_trang", _("chuyên trang")
    SECTION = "chuyen_muc", _("chuyên mục")
    TALK = "toa_dam", _("tọa đàm trực tiếp")
    GUEST = "khach_moi", _("chương trình khách mời")
    SKETCH = "tieu_pham", _("kịch bản, tiểu phẩm")
    ARTWORK = "van_nghe", _("tác phẩm văn học nghệ thuật")
    SOCIAL_POST = "mang_xa_hoi", _("bài đăng mạng xã hội")
    DOCUMENT = "van_ban", _("văn bản đăng tải")


class AssetKind(models.TextChoices):
    BANNER = "bang_ron", _("Băng rôn")
    PANO = "pano", _("Pano")
    PANO_CLUSTER = "cum_pano", _("Cụm pano")
    POSTER = "ap_phich", _("Áp phích")
    LED = "led", _("Màn hình LED")


class PermitStatus(models.TextChoices):
    WAITING = "waiting", _("Chờ chấp thuận")
    APPROVED = "approved", _("Được chấp thuận")
    INSTALLED = "installed", _("Đã lắp đặt")
    REMOVED = "removed", _("Đã tháo")


class SchemeKind(models.TextChoices):
    COMMENDATION = "khen_thuong", _("Khen thưởng")
    HONOUR = "ton_vinh", _("Tôn vinh")
    PRAISE = "bieu_duong", _("Biểu dương")
    TUYEN_DUONG = "tuyen_duong", _("Tuyên dương")
    VOTE = "binh_chon", _("Bình chọn")
    CONTEST = "cuoc_thi", _("Cuộc thi, hội thi")


class NomineeCategory(models.TextChoices):
    MODEL_BUSINESS = "model_business", _("Doanh nghiệp tiêu biểu")
    QUALITY_PRODUCT = "quality_product", _("Sản phẩm chất lượng")
    FAVOURITE_PRODUCT = "favourite_product", _("Sản phẩm được người tiêu dùng yêu thích")
    NEW_TECHNOLOGY = "new_technology", _("Doanh nghiệp ứng dụng công nghệ mới")
    ADVANCED_EXAMPLE = "advanced_example", _("Điển hình tiên tiến")
    GOOD_MODEL = "good_model", _("Mô hình hay")


class BudgetSource(models.TextChoices):
    LOCAL_BUDGET = "local_budget", _("Ngân sách địa phương")
    FRONT_ESTIMATE = "front_estimate", _("Trong dự toán của Ủy ban MTTQ cùng cấp")
    OTHER = "other", _("Nguồn khác")


class SpendCategory(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị")
    OVERSIGHT = "oversight", _("Kiểm tra, giám sát")
    PROPAGANDA = "propaganda", _("Tuyên truyền")
    COMMENDATION = "commendation", _("Khen thưởng")
    SURVEY = "survey", _("Khảo sát, điều tra")
    OFFICE = "office", _("Văn phòng")
    OTHER = "other", _("Khác")


# The circulars the documents cite for the committees' funds; the documents give no norms or amounts.
LEGAL_BASES: tuple[str, ...] = (
    "Thông tư số 91/2012/TT-BTC",
    "Thông tư số 89/2018/TT-BTC sửa đổi, bổ sung Thông tư số 91/2012/TT-BTC",
    "Theo hướng dẫn của Bộ Tài chính",
)

# The item types a quota board speaks of first ("thiếu 1 tin, 1 bài"); every ItemType may carry a quota.
QUARTERS = (1, 2, 3, 4)
