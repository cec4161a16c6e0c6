from __future__ import annotations

from django import forms


class EmailPreferencesForm(forms.Form):
    """One checkbox per kind that can reach the person: "send me an e-mail"."""

    def __init__(self, *args, choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = [k for k, _on in choices]
        for k, on in choices:
            self.fields[k.key] = forms.BooleanField(
                label=k.label, help_text=k.description, required=False, initial=on
            )

    def choices(self) -> dict[str, bool]:
        return {k.key: bool(self.cleaned_data.get(k.key)) for k in self.kinds}
