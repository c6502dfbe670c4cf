"""Builds the Word plans of this set (``plan_soct_binhduong_2025.docx``, ``plan_thudaumot_2026.docx``,
``plan_sonnmt_gialai_2026.docx``) as offices write them: a borderless two-column header table, paragraphs (some
with line breaks inside), and the task table (group rows merged across the columns, or left with empty cells;
a header on two rows). The .docx files are committed; run this only to rebuild them:

    .venv/bin/python bench/data/plans/make_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent


def header(document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = left[0], right[0]
    table.cell(1, 0).text, table.cell(1, 1).text = left[1], right[1]


def task_table(document, heading: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1 + len(rows), cols=len(heading))
    table.style = "Table Grid"
    for column, text in enumerate(heading):
        table.cell(0, column).text = text
    for index, cells in enumerate(rows, start=1):
        if len(cells) == 2:  # a group row: number, then a title merged across the other columns
            table.cell(index, 0).text = cells[0]
            merged = table.cell(index, 1).merge(table.cell(index, len(heading) - 1))
            merged.text = cells[1]
            continue
        for column, text in enumerate(cells):
            table.cell(index, column).text = text


def binh_duong() -> None:
    document = Document()
    header(
        document,
        ["ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG\nSỞ CÔNG THƯƠNG", "Số: 1520/KH-SCT"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "Bình Dương, ngày 10 tháng 3 năm 2025"],
    )
    for text in [
        "KẾ HOẠCH",
        "Thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” của ngành Công Thương tỉnh Bình Dương"
        " năm 2025",
        "Căn cứ Kế hoạch số 14/KH-BCĐ ngày 25/02/2025 của Ban Chỉ đạo Cuộc vận động “Người Việt Nam ưu tiên dùng hàng"
        " Việt Nam” tỉnh Bình Dương về triển khai Cuộc vận động năm 2025;",
        "Căn cứ chức năng, nhiệm vụ được giao, Sở Công Thương ban hành Kế hoạch thực hiện Cuộc vận động năm 2025 như"
        " sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Cụ thể hóa các nhiệm vụ được Ban Chỉ đạo Cuộc vận động tỉnh giao cho ngành Công Thương; phát triển thị"
        " trường trong nước, hỗ trợ doanh nghiệp quảng bá, tiêu thụ sản phẩm.",
        "- Phân công cụ thể cho các phòng, đơn vị thuộc Sở; bảo đảm tiến độ, chất lượng và hiệu quả.",
        "II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN",
        "Các nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp và thời gian thực hiện như sau:",
    ]:
        document.add_paragraph(text)
    task_table(
        document,
        ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"],
        [
            ["1", "Công tác thông tin, tuyên truyền"],
            [
                "1.1",
                "Xây dựng chuyên mục “Tự hào hàng Việt” trên Cổng thông tin điện tử của Sở",
                "Văn phòng Sở",
                "Phòng Quản lý thương mại",
                "Hằng quý",
                "Tin, bài đăng trên Cổng thông tin",
            ],
            [
                "1.2",
                "Phối hợp với Báo Bình Dương, Đài Phát thanh và Truyền hình Bình Dương thực hiện phóng sự về doanh"
                " nghiệp tiêu biểu",
                "Phòng Quản lý thương mại",
                "Báo Bình Dương; Đài PT-TH Bình Dương",
                "Quý II, Quý IV/2025",
                "04 phóng sự",
            ],
            [
                "1.3",
                "Tập huấn kiến thức về bảo vệ quyền lợi người tiêu dùng cho cán bộ, công chức cấp xã",
                "Phòng Quản lý thương mại",
                "UBND các huyện, thị xã, thành phố",
                "Tháng 8/2025",
                "02 lớp tập huấn",
            ],
            ["2", "Xúc tiến thương mại, phát triển thị trường trong nước"],
            [
                "2.1",
                "Tổ chức Hội chợ Hàng Việt Nam chất lượng cao tỉnh Bình Dương năm 2025",
                "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
                "Hiệp hội Doanh nghiệp tỉnh; các doanh nghiệp",
                "Tháng 9/2025",
                "01 hội chợ, 250 gian hàng",
            ],
            [
                "2.2",
                "Tổ chức 04 phiên chợ hàng Việt về khu công nghiệp, khu nhà trọ công nhân",
                "Phòng Quản lý thương mại, Liên đoàn Lao động tỉnh",
                "Công đoàn các khu công nghiệp",
                "Từ tháng 4 đến tháng 11/2025",
                "04 phiên chợ",
            ],
            [
                "2.3",
                "Triển khai Chương trình bình ổn thị trường dịp Tết Nguyên đán Ất Tỵ và Tết Nguyên đán Bính Ngọ",
                "Phòng Quản lý thương mại",
                "Các doanh nghiệp tham gia chương trình bình ổn",
                "Tháng 01/2025 và tháng 12/2025",
                "Kế hoạch bình ổn thị trường",
            ],
            [
                "2.4",
                "Hỗ trợ doanh nghiệp tham gia sàn thương mại điện tử, xây dựng gian hàng trực tuyến",
                "Phòng Quản lý thương mại",
                "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
                "Cả năm",
                "50 doanh nghiệp được hỗ trợ",
            ],
            ["3", "Quản lý thị trường"],
            [
                "3.1",
                "Kiểm tra, kiểm soát hàng giả, hàng nhái, hàng kém chất lượng trước, trong và sau Tết Nguyên đán",
                "Chi cục Quản lý thị trường tỉnh Bình Dương",
                "Công an tỉnh, Sở Y tế",
                "Quý I/2025 và Quý IV/2025",
                "Báo cáo kết quả kiểm tra",
            ],
            [
                "3.2",
                "Kiểm tra việc niêm yết giá, ghi nhãn hàng hóa tại các chợ, siêu thị, cửa hàng tiện lợi",
                "Chi cục Quản lý thị trường tỉnh Bình Dương",
                "Phòng Quản lý thương mại",
                "6 tháng cuối năm",
                "Báo cáo kết quả kiểm tra",
            ],
            ["4", "Sơ kết, tổng kết"],
            [
                "4.1",
                "Báo cáo sơ kết 6 tháng thực hiện Cuộc vận động của ngành Công Thương",
                "Văn phòng Sở",
                "Các phòng, đơn vị thuộc Sở",
                "Trước ngày 05/6/2025",
                "Báo cáo",
            ],
            [
                "4.2",
                "Báo cáo tổng kết năm 2025 thực hiện Cuộc vận động của ngành Công Thương",
                "Văn phòng Sở",
                "Các phòng, đơn vị thuộc Sở",
                "Trước ngày 30/11/2025",
                "Báo cáo",
            ],
        ],
    )
    for text in [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Sở: Là đầu mối theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch; tổng hợp kết quả báo"
        " cáo Ban Giám đốc Sở và Ban Chỉ đạo Cuộc vận động tỉnh theo quy định.",
        "2. Phòng Kế hoạch - Tài chính: Bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch trong dự toán năm 2025"
        " của Sở.",
        "3. Các phòng, đơn vị thuộc Sở: Căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện; báo cáo kết quả"
        " về Văn phòng Sở để tổng hợp.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo Giám đốc Sở (qua Văn phòng Sở)"
        " để xem xét, giải quyết./.",
        "Nơi nhận:",
        "- Ban Chỉ đạo CVĐ tỉnh;",
        "- Ban Giám đốc Sở;",
        "- Các phòng, đơn vị thuộc Sở;",
        "- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    ]:
        document.add_paragraph(text)
    document.save(HERE / "plan_soct_binhduong_2025.docx")


def thu_dau_mot() -> None:
    document = Document()
    header(
        document,
        ["ỦY BAN MTTQ VIỆT NAM\nTHÀNH PHỐ HỒ CHÍ MINH", "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG THỦ DẦU MỘT"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "Thủ Dầu Một, ngày 16 tháng 01 năm 2026"],
    )
    for text in [
        "Số: 07/KH-MTTQ",
        "KẾ HOẠCH",
        "Thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” trên địa bàn phường Thủ Dầu Một năm 2026",
        "Thực hiện Kế hoạch của Ban Chỉ đạo Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” Thành phố Hồ"
        " Chí Minh năm 2026;",
        "Ban Thường trực Ủy ban MTTQ Việt Nam phường xây dựng Kế hoạch thực hiện năm 2026 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Đưa Cuộc vận động đến từng khu phố, hộ gia đình; vận động các hộ kinh doanh, doanh nghiệp trên địa bàn"
        " phường ưu tiên kinh doanh, sử dụng hàng Việt Nam.",
        "- Phân công cụ thể cho các tổ chức thành viên và Ban Công tác Mặt trận khu phố.",
        "II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN",
    ]:
        document.add_paragraph(text)
    task_table(
        document,
        ["TT", "Nội dung", "Phân công", "Thời gian"],
        [
            [
                "1",
                "Tuyên truyền Cuộc vận động trên hệ thống loa truyền thanh, bảng tin khu phố và nhóm Zalo khu phố",
                "Ban Công tác Mặt trận các khu phố",
                "Thường xuyên",
            ],
            [
                "2",
                "Tổ chức Ngày hội “Tự hào hàng Việt” kết hợp giới thiệu sản phẩm của các doanh nghiệp trên địa bàn",
                "Ban Thường trực Ủy ban MTTQ Việt Nam phường chủ trì; Hội Liên hiệp Phụ nữ phường, Đoàn Thanh niên"
                " phường phối hợp",
                "Tháng 4/2026",
            ],
            [
                "3",
                "Vận động hộ kinh doanh tại chợ Thủ Dầu Một ký cam kết không kinh doanh hàng giả, hàng kém chất lượng",
                "Ban Quản lý chợ Thủ Dầu Một",
                "Quý I/2026",
            ],
            [
                "4",
                "Tổ chức phiên chợ “Hàng Việt cho công nhân” tại khu nhà trọ công nhân",
                "Ban Thường trực Ủy ban MTTQ Việt Nam phường, Công đoàn phường",
                "Tháng 7 và tháng 12/2026",
            ],
            [
                "5",
                "Hướng dẫn hội viên phụ nữ kinh doanh trực tuyến các sản phẩm của địa phương",
                "Hội Liên hiệp Phụ nữ phường",
                "Quý II/2026",
            ],
            [
                "6",
                "Khảo sát ý kiến người tiêu dùng về chất lượng, giá cả hàng hóa tại các chợ, siêu thị trên địa bàn",
                "Ban Thường trực Ủy ban MTTQ Việt Nam phường",
                "Từ tháng 8 đến tháng 9/2026",
            ],
            [
                "7",
                "Vận động cựu chiến binh làm kinh tế giỏi tham gia giới thiệu, tiêu thụ hàng Việt",
                "Hội Cựu chiến binh phường",
                "Cả năm",
            ],
            [
                "8",
                "Kiểm tra, phát hiện, xử lý hành vi buôn bán hàng giả, hàng nhập lậu trên địa bàn phường",
                "Công an phường; Phòng Kinh tế, Hạ tầng và Đô thị phường",
                "Thường xuyên",
            ],
            [
                "9",
                "Tổng hợp, báo cáo kết quả thực hiện Cuộc vận động 6 tháng và năm 2026",
                "Ban Thường trực Ủy ban MTTQ Việt Nam phường",
                "Tháng 6 và tháng 12/2026",
            ],
        ],
    )
    for text in [
        "III. TỔ CHỨC THỰC HIỆN",
        "Các tổ chức thành viên, Ban Công tác Mặt trận các khu phố căn cứ nội dung được phân công chủ động tổ chức"
        " thực hiện, báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam phường.",
        "Nơi nhận:",
        "- Ban Chỉ đạo CVĐ Thành phố;",
        "- Thường trực Đảng ủy phường;",
        "- Lưu: VT.",
        "TM. BAN THƯỜNG TRỰC",
        "CHỦ TỊCH",
    ]:
        document.add_paragraph(text)
    document.save(HERE / "plan_thudaumot_2026.docx")


def gia_lai() -> None:
    document = Document()
    header(
        document,
        ["ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 88/KH-SNNMT"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "Gia Lai, ngày 06 tháng 02 năm 2026"],
    )
    for text in [
        "KẾ HOẠCH",
        "Thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” trong ngành nông nghiệp và môi trường"
        " năm 2026",
        "Căn cứ Kế hoạch số 05/KH-BCĐ ngày 20/01/2026 của Ban Chỉ đạo Cuộc vận động tỉnh Gia Lai;",
        "Sở Nông nghiệp và Môi trường xây dựng Kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích\n- Nâng cao chất lượng, giá trị nông sản, sản phẩm OCOP của tỉnh; mở rộng thị trường tiêu thụ"
        " trong nước.\n- Gắn Cuộc vận động với Chương trình mỗi xã một sản phẩm.",
        "2. Yêu cầu\n- Phân công rõ đơn vị chủ trì, phối hợp, thời gian hoàn thành.",
        "II. NHIỆM VỤ CỤ THỂ",
    ]:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=6)
    table.style = "Table Grid"
    top = ["TT", "Nhiệm vụ", "Cơ quan, đơn vị thực hiện", "", "Thời hạn hoàn thành", "Ghi chú"]
    below = ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn hoàn thành", "Ghi chú"]
    for column in range(6):
        table.cell(0, column).text, table.cell(1, column).text = top[column], below[column]
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Cơ quan, đơn vị thực hiện"
    for column in (0, 1, 4, 5):
        table.cell(0, column).merge(table.cell(1, column)).text = top[column]
    rows = [
        ["I", "PHÁT TRIỂN SẢN PHẨM OCOP", "", "", "", ""],
        [
            "1",
            "Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đợt 1 năm 2026",
            "Chi cục Phát triển nông thôn",
            "UBND các xã, phường",
            "Quý II/2026",
            "",
        ],
        [
            "2",
            "Hỗ trợ chủ thể OCOP xây dựng mã QR truy xuất nguồn gốc",
            "Chi cục Phát triển nông thôn",
            "Trung tâm Khuyến nông",
            "Tháng 5 - 8/2026",
            "50 chủ thể",
        ],
        ["II", "XÚC TIẾN TIÊU THỤ NÔNG SẢN", "", "", "", ""],
        [
            "1",
            "Tham gia Hội chợ nông nghiệp quốc tế và Hội chợ OCOP khu vực Tây Nguyên",
            "Trung tâm Khuyến nông",
            "Văn phòng Sở",
            "Quý III/2026",
            "",
        ],
        [
            "2",
            "Kết nối tiêu thụ cà phê, hồ tiêu, sầu riêng với các hệ thống phân phối trong nước",
            "Phòng Kế hoạch - Tài chính; Trung tâm Khuyến nông",
            "Các hợp tác xã",
            "Trước ngày 31/10/2026",
            "",
        ],
        [
            "3",
            "Tổ chức Tuần lễ nông sản an toàn Gia Lai tại thành phố Hồ Chí Minh",
            "Văn phòng Sở",
            "Sở Công Thương",
            "Tháng 12/2026",
            "",
        ],
        ["III", "TUYÊN TRUYỀN", "", "", "", ""],
        [
            "1",
            "Đăng tin, bài về nông sản, sản phẩm OCOP trên Cổng thông tin điện tử của Sở",
            "Văn phòng Sở",
            "",
            "Thường xuyên",
            "",
        ],
    ]
    for cells in rows:
        row = table.add_row()
        for column, text in enumerate(cells):
            row.cells[column].text = text
    for text in [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Đối với Văn phòng Sở: Theo dõi, tổng hợp kết quả thực hiện; báo cáo Giám đốc Sở và Ban Chỉ đạo Cuộc vận"
        " động tỉnh trước ngày 05/12/2026.",
        "2. Đối với các phòng, đơn vị thuộc Sở: Căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, triển khai"
        " thực hiện.",
        "Nơi nhận:\n- Ban Chỉ đạo CVĐ tỉnh;\n- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    ]:
        document.add_paragraph(text)
    document.save(HERE / "plan_sonnmt_gialai_2026.docx")


if __name__ == "__main__":
    binh_duong()
    thu_dau_mot()
    gia_lai()
