"""Forms of the drafter's and reviewer's pages."""

from __future__ import annotations

from django import forms

from jixiao.model.workflow import GRADES

ACCEPTED = (".txt", ".json", ".docx", ".xlsx", ".pdf")


class UploadForm(forms.Form):
    """A file to read and preview (txt, json, docx, xlsx, pdf)."""

    file = forms.FileField(
        label="选择文件",
        help_text="支持 txt、docx、xlsx、pdf 和 jixiao 的 JSON；先预览审核发现，确认后再保存。",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED)}),
        error_messages={"required": "请选择要导入的文件。"},
    )
    payload = forms.CharField(widget=forms.HiddenInput, required=False)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_file(self) -> object:
        """Refuse extensions jixiao cannot read, in Chinese."""
        upload = self.cleaned_data["file"]
        name = str(getattr(upload, "name", "")).lower()
        if not name.endswith(ACCEPTED):
            raise forms.ValidationError("不支持该文件类型，请上传 txt、docx、xlsx、pdf 或 json 文件。")
        return upload


class CommentForm(forms.Form):
    """A review comment on the document, a project or an indicator."""

    path = forms.CharField(required=False, max_length=60)
    text = forms.CharField(
        label="审核意见",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "请填写审核意见。"},
    )


class ReturnForm(forms.Form):
    """退回修改 with a reason."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="退回原因",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "退回修改时请写明原因。"},
    )


class ApproveForm(forms.Form):
    """审核通过 with a grade."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    grade = forms.ChoiceField(
        label="审核结果", choices=[(g, g) for g in GRADES], error_messages={"required": "请选择审核结果。"}
    )
    reason = forms.CharField(
        label="审核说明", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
