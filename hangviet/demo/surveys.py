"""A demo survey: Vĩnh Long's committee asks consumers about Vietnamese goods (open for the next months, link at
/khao-sat/<slug>/), with a few illustrative paper and online answers. Idempotent."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from hangviet.orgs.models import Organisation
from hangviet.surveys import actions
from hangviet.surveys.models import Response, Survey
from hangviet.units.models import Unit

TITLE = "Người tiêu dùng với hàng Việt Nam năm 2026 (khảo sát minh họa)"


@transaction.atomic
def build_surveys() -> None:
    if Survey.objects.filter(title=TITLE).exists():
        return
    committee = Organisation.objects.filter(
        kind=Organisation.Kind.COMMITTEE, unit__code="86", unit__level=Unit.Level.PROVINCE, unit__valid_to__isnull=True
    ).first()
    if committee is None:
        return
    today = timezone.localdate()
    survey = actions.create_survey(
        committee,
        title=TITLE,
        kind="opinion",
        intro="Ý kiến của bạn giúp Ban Chỉ đạo đánh giá Cuộc vận động. Phiếu không ghi tên.",
        opens_on=today - datetime.timedelta(days=7),
        closes_on=today + datetime.timedelta(days=120),
        target_share_pct=None,
        questions=[
            {
                "text": "Khi mua sắm, bạn có ưu tiên chọn hàng Việt Nam không?",
                "kind": "single",
                "options": "Luôn luôn\nThường xuyên\nThỉnh thoảng\nKhông quan tâm",
            },
            {
                "text": "Bạn thường mua hàng Việt ở đâu?",
                "kind": "multiple",
                "options": "Chợ truyền thống\nSiêu thị, cửa hàng tiện lợi\nĐiểm bán OCOP\nMua trực tuyến",
                "required": False,
            },
            {"text": "Bạn tin tưởng chất lượng hàng Việt ở mức nào (1 thấp – 5 cao)?", "kind": "scale"},
            {"text": "Góp ý của bạn", "kind": "text", "required": False},
        ],
        acting_user=None,
    )
    questions = list(survey.questions.all())
    wards = {
        u.name: u
        for u in Unit.objects.filter(
            parent=survey.area, valid_to__isnull=True, name__in=["Phường Trà Vinh", "Phường Long Châu"]
        )
    }
    samples = [
        ("Phường Trà Vinh", 0, [0, 2], 5, Response.Channel.PAPER),
        ("Phường Trà Vinh", 1, [1], 4, Response.Channel.ONLINE),
        ("Phường Long Châu", 2, [0], 3, Response.Channel.PAPER),
        ("Phường Long Châu", 0, [0, 1, 3], 4, Response.Channel.ONLINE),
    ]
    for number, (ward, single, multiple, scale, channel) in enumerate(samples):
        if ward not in wards:
            continue
        actions.record_response(
            survey,
            unit=wards[ward],
            channel=channel,
            device_key=f"demo-{number}" if channel == Response.Channel.ONLINE else "",
            answers={
                questions[0].pk: {"choices": [single]},
                questions[1].pk: {"choices": multiple},
                questions[2].pk: {"scale": scale},
            },
        )
