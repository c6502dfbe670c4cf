from django.urls import path

from hangviet.documents import views, views_letters

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
    path("ban-chi-dao/<int:committee_id>/cong-van/", views_letters.write_letter, name="write_letter"),
    path("so-den/<int:organisation_id>/", views_letters.incoming, name="incoming"),
    path("so-den/<int:organisation_id>/excel/", views_letters.incoming_xlsx, name="incoming_xlsx"),
    path("den/<int:entry_id>/tai-ve/", views_letters.incoming_file, name="incoming_file"),
    path("den/<int:entry_id>/da-xu-ly/", views_letters.incoming_handled, name="incoming_handled"),
]
