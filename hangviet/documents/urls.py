from django.urls import path

from hangviet.documents import views

app_name = "documents"
urlpatterns = [
    path("ban-chi-dao/<int:committee_id>/", views.committee_documents, name="committee"),
    path("ban-chi-dao/<int:committee_id>/tao-bao-cao/", views.create_report, name="create_report"),
    path(
        "ban-chi-dao/<int:committee_id>/tao-bao-cao-giai-doan/", views.create_phase_report, name="create_phase_report"
    ),
    path("<int:document_id>/", views.edit, name="edit"),
    path("<int:document_id>/so-sanh/", views.compare, name="compare"),
    path("<int:document_id>/du-thao.docx", views.draft_docx, name="draft_docx"),
    path("<int:document_id>/ban-hanh/", views.issue, name="issue"),
    path("<int:document_id>/tai-ve/", views.issued_file, name="file"),
]
