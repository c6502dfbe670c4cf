from django.urls import path

from hangviet.consolidation import views

app_name = "consolidation"
urlpatterns = [
    path("<int:committee_id>/", views.board_today, name="board_today"),
    path("<int:committee_id>/giai-doan/", views.phase_today, name="phase_today"),
    path("<int:committee_id>/giai-doan/<str:key>/", views.phase, name="phase"),
    path("<int:committee_id>/giai-doan/<str:key>.xlsx", views.phase_xlsx, name="phase_xlsx"),
    path("<int:committee_id>/<str:code>/", views.board, name="board"),
    path("<int:committee_id>/<str:code>/nhac-nho/", views.remind, name="remind"),
    path("<int:committee_id>/<str:code>/tiep-nhan/", views.accept_many, name="accept_many"),
    path("<int:committee_id>/<str:code>/han-gui/", views.set_deadline, name="deadline"),
    path("<int:committee_id>/<str:code>/tong-hop/", views.table, name="table"),
    path("<int:committee_id>/<str:code>/tong-hop.xlsx", views.table_xlsx, name="table_xlsx"),
]
