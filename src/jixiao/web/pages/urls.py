"""The routes of the pages people use (names are used by the templates and the pages' permission matrix)."""

from __future__ import annotations

from django.urls import path

from jixiao.web.pages import account, documents, public, review, tracking

D = "documents/<int:document_id>/"
P = D + "projects/<int:project>/"
IND = P + "indicators/<int:indicator>/"
T = D + "tracking/<int:tracking_id>/"

urlpatterns = [
    path("", documents.home, name="home"),
    path("login/", account.login, name="login"),
    path("logout/", account.logout, name="logout"),
    path("documents/new/", documents.new, name="document-new"),
    path("documents/new/save/", documents.save_upload, name="document-save-upload"),
    path("documents/new/template/", documents.from_template, name="document-from-template"),
    path(D + "copy/", documents.copy, name="document-copy"),
    path(D + "edit/", documents.editor, name="editor"),
    path(D + "cover/", documents.save_cover, name="editor-cover"),
    path(P, documents.save_project, name="editor-project"),
    path(P + "indicators/", documents.add_indicator, name="indicator-add"),
    path(IND, documents.save_indicator, name="indicator-save"),
    path(IND + "preview/", documents.preview_indicator, name="indicator-preview"),
    path(IND + "remove/", documents.remove_indicator, name="indicator-remove"),
    path(IND + "move/<str:step>/", documents.move_indicator, name="indicator-move"),
    path(D + "findings/<int:number>/fix/", documents.fix, name="finding-fix"),
    path(D + "submit/", documents.submit, name="document-submit"),
    path(D + "adjust/", documents.adjust, name="document-adjust"),
    path(D + "download/<str:fmt>/", documents.download, name="document-download"),
    path(D + "history/", documents.history, name="document-history"),
    path(D + "tracking/start/", tracking.start, name="tracking-start"),
    path(T, tracking.tracking, name="tracking"),
    path(T + "preview/", tracking.preview, name="tracking-preview"),
    path(T + "save/", tracking.save, name="tracking-save"),
    path(T + "download/<str:fmt>/", tracking.download, name="tracking-download"),
    path("review/", review.queue, name="review-queue"),
    path(D + "review/", review.review_page, name="review"),
    path(D + "review/comment/", review.comment, name="review-comment"),
    path(D + "review/return/", review.return_document, name="review-return"),
    path(D + "review/approve/", review.approve, name="review-approve"),
    path(D + "review/publish/", review.publish, name="review-publish"),
    path("public/", public.public_list, name="public-list"),
    path("public/<int:document_id>/", public.public_document, name="public-document"),
]
