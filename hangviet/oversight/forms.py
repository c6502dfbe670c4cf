"""Forms of the oversight pages: every value a page receives is read here (dates real and sane, fines typed
the Vietnamese way and never negative, subjects only among the organisations the committee may inspect)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import PeriodField, StyledFormMixin, VietnameseFormSet, YearField
from hangviet.lib.periods import PeriodKey
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.orgs.models import Membership, Organisation
from hangviet.oversight.catalogue import (
    FINDING_KINDS,
    MEETING_KINDS,
    ORIGINS,
    OUTCOMES,
    PROGRAMME_KINDS,
    VIOLATION_TYPES,
    choices,
)
from hangviet.plans.models import Task
from hangviet.registry.forms import date_field

UNKNOWN_SUBJECT = _("Đơn vị được chọn không có trong danh sách đơn vị Ban Chỉ đạo được kiểm tra, giám sát.")


class _Names(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class _Name(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def money_field(label: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=40)


def clean_money(text: str, label: str) -> Decimal | None:
    if not text or not text.strip():
        return None
    try:
        value = parse_vn_number(text)
    except NumberFormatError as error:
        raise forms.ValidationError(f"{label}: {error}") from error
    if value < 0:
        raise forms.ValidationError(_("Số tiền phạt không được âm."))
    if value != value.to_integral_value():
        raise forms.ValidationError(_("Số tiền phạt phải là số đồng nguyên."))
    return value


class ProgrammeForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=choices(PROGRAMME_KINDS))
    title = forms.CharField(label=_("Tên chương trình"), max_length=500)
    year = YearField(label=_("Năm"))
    windows_text = forms.CharField(
        label=_("Thời gian"), max_length=255, help_text=_("Ví dụ: tháng 6, tháng 11; quý IV/2026.")
    )
    subjects = _Names(
        label=_("Đơn vị được kiểm tra, giám sát"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": UNKNOWN_SUBJECT,
            "invalid_pk_value": UNKNOWN_SUBJECT,
            "required": _("Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát."),
        },
    )
    topics = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    legal_basis = forms.CharField(label=_("Căn cứ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, candidates: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["subjects"]
        assert isinstance(field, _Names)
        field.queryset = candidates
        field.widget.attrs["class"] = "list-unstyled"


class VisitForm(StyledFormMixin, forms.Form):
    subject = _Name(
        label=_("Đơn vị"),
        queryset=Organisation.objects.none(),
        empty_label=_("— Chọn đơn vị —"),
        error_messages={"invalid_choice": UNKNOWN_SUBJECT, "required": _("Hãy chọn đơn vị làm việc.")},
    )
    visited_on = date_field(_("Ngày làm việc"), required=True)
    period = PeriodField(label=_("Kỳ đánh giá"), error_messages={"required": _("Hãy chọn kỳ đánh giá.")})
    members = forms.CharField(label=_("Thành phần đoàn"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, subjects: QuerySet[Organisation], year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["subject"]
        assert isinstance(field, _Name)
        field.queryset = subjects
        keys = [PeriodKey(y, kind) for y in (year - 1, year, year + 1) for kind in ("H1", "Y")]
        self.fields["period"].widget = forms.Select(
            choices=[(key.code, key.label[:1].upper() + key.label[1:]) for key in keys],
            attrs={"class": "form-select form-select-sm"},
        )


class FindingForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=choices(FINDING_KINDS))
    criterion = forms.CharField(label=_("Tiêu chí"), required=False, max_length=255)
    text = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "finding_%s")  # shares a page with the recommendation form
        super().__init__(*args, **kwargs)


class RecommendationForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Kiến nghị"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    due_on = date_field(_("Thời hạn thực hiện"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "recommendation_%s")
        super().__init__(*args, **kwargs)


class CaseForm(StyledFormMixin, forms.Form):
    occurred_on = date_field(_("Ngày kiểm tra"), required=True)
    place_text = forms.CharField(label=_("Địa điểm (ghi như văn bản)"), required=False, max_length=500)
    producer_name = forms.CharField(label=_("Chủ thể (nếu có trong sổ theo dõi)"), required=False, max_length=255)
    subject_text = forms.CharField(label=_("Cơ sở, hộ kinh doanh"), required=False, max_length=255)
    goods = forms.CharField(label=_("Mặt hàng"), required=False, max_length=255)
    origin = forms.ChoiceField(label=_("Nguồn vụ việc"), choices=choices(ORIGINS), initial="planned")
    violation_type = forms.ChoiceField(label=_("Loại vi phạm"), choices=choices(VIOLATION_TYPES))
    outcome = forms.ChoiceField(label=_("Kết quả xử lý"), choices=choices(OUTCOMES))
    fine = money_field(_("Số tiền phạt (đồng)"))
    decision_ref = forms.CharField(label=_("Quyết định xử phạt"), required=False, max_length=255)
    consumer_report_ref = forms.CharField(
        label=_("Phản ánh của người tiêu dùng (mã theo dõi PA-…, hoặc số, ký hiệu văn bản)"),
        required=False,
        max_length=120,
    )
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_fine(self) -> Decimal | None:
        return clean_money(self.cleaned_data.get("fine", ""), str(_("Số tiền phạt")))


class CaseTotalForm(StyledFormMixin, forms.Form):
    period = PeriodField(label=_("Kỳ báo cáo"), error_messages={"required": _("Hãy chọn kỳ báo cáo.")})
    inspections = forms.IntegerField(
        label=_("Số vụ kiểm tra"),
        min_value=0,
        max_value=1_000_000,
        error_messages={"min_value": _("Số vụ không được âm.")},
    )
    violations_handled = forms.IntegerField(
        label=_("Số vụ vi phạm đã xử lý"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        error_messages={"min_value": _("Số vụ không được âm.")},
    )
    fines = money_field(_("Số tiền phạt (đồng)"))
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_fines(self) -> Decimal | None:
        return clean_money(self.cleaned_data.get("fines", ""), str(_("Số tiền phạt")))


class ChecklistForm(forms.Form):
    """The period a checklist is read for (GET)."""

    period = PeriodField(required=False)


# Meetings ------------------------------------------------------------------------------------------------------

UNKNOWN_PARTICIPANT = _("Đơn vị được chọn không có trong danh sách đơn vị thuộc Ban Chỉ đạo.")


class _Seat(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person.full_name} – {obj.get_role_display()}"


class _TaskChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.ref} {obj.content[:120]}"


class MeetingForm(StyledFormMixin, forms.Form):
    """A meeting scheduled or changed by the committee's office: chair among the committee's seats in force (or as
    written), participants only among the organisations below the committee."""

    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=choices(MEETING_KINDS))
    title = forms.CharField(label=_("Tên hội nghị"), max_length=500)
    held_on = date_field(_("Ngày họp"), required=True)
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=255)
    chair = _Seat(
        label=_("Chủ trì (thành viên Ban Chỉ đạo)"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("— Chọn thành viên —"),
        error_messages={"invalid_choice": _("Người chủ trì phải là thành viên đương nhiệm của Ban Chỉ đạo.")},
    )
    chair_text = forms.CharField(
        label=_("Hoặc ghi người chủ trì"),
        required=False,
        max_length=255,
        help_text=_("Họ tên và chức vụ như văn bản ghi, ví dụ khi chủ trì không phải thành viên Ban Chỉ đạo."),
    )
    participants = _Names(
        label=_("Thành phần mời"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": UNKNOWN_PARTICIPANT, "invalid_pk_value": UNKNOWN_PARTICIPANT},
    )
    guests = forms.CharField(
        label=_("Khách mời khác"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    agenda = forms.CharField(
        label=_("Nội dung"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )
    task = _TaskChoice(
        queryset=Task.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Nhiệm vụ không thuộc kế hoạch của Ban Chỉ đạo này.")},
    )

    def __init__(
        self,
        *args: Any,
        seats: QuerySet[Membership],
        candidates: QuerySet[Organisation],
        tasks: QuerySet[Task] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        chair = self.fields["chair"]
        assert isinstance(chair, _Seat)
        chair.queryset = seats
        participants = self.fields["participants"]
        assert isinstance(participants, _Names)
        participants.queryset = candidates
        participants.widget.attrs["class"] = "list-unstyled"
        task = self.fields["task"]
        assert isinstance(task, _TaskChoice)
        if tasks is None:
            del self.fields["task"]  # a meeting keeps the plan task it was scheduled from
        else:
            task.queryset = tasks


class MeetingTaskForm(forms.Form):
    """The plan task a new meeting is scheduled from (GET ``?nhiem_vu=``), among the committee's tasks."""

    nhiem_vu = _TaskChoice(queryset=Task.objects.none(), required=False)

    def __init__(self, *args: Any, tasks: QuerySet[Task], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["nhiem_vu"]
        assert isinstance(field, _TaskChoice)
        field.queryset = tasks


class ConclusionsForm(StyledFormMixin, forms.Form):
    conclusions = forms.CharField(
        label=_("Kết luận (mỗi ý một dòng)"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Chưa ghi kết luận của hội nghị.")},
    )


class FollowUpForm(StyledFormMixin, forms.Form):
    """One conclusion given to an organisation as a task; a row left empty is skipped."""

    text = forms.CharField(label=_("Nhiệm vụ"), required=False, max_length=5000)
    lead = _Name(
        label=_("Đơn vị thực hiện"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— Chọn đơn vị —"),
        error_messages={"invalid_choice": UNKNOWN_PARTICIPANT},
    )
    due_on = date_field(_("Thời hạn"))

    def __init__(self, *args: Any, candidates: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lead"]
        assert isinstance(field, _Name)
        field.queryset = candidates

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [name for name in ("text", "lead", "due_on") if data.get(name)]
        if filled and len(filled) < 3 and not self.errors:
            raise forms.ValidationError(_("Nhiệm vụ sau hội nghị cần đủ nội dung, đơn vị thực hiện và thời hạn."))
        return data


FollowUpFormSet = forms.formset_factory(
    FollowUpForm, formset=VietnameseFormSet, extra=3, max_num=20, validate_max=True, absolute_max=20
)


class CancelMeetingForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do hủy"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingDocumentForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Tài liệu (giấy mời, báo cáo, biên bản …)"))
