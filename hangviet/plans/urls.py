from django.urls import path

from hangviet.plans import views

app_name = "plans"
urlpatterns = [
    path("nhiem-vu/", views.my_tasks, name="mine"),
    path("nhiem-vu/<int:task_id>/", views.task, name="task"),
    path("minh-chung/<int:progress_id>/", views.evidence, name="evidence"),
    path("ban-chi-dao/<int:committee_id>/", views.committee_plans, name="committee"),
    path("ban-chi-dao/<int:committee_id>/nhap/", views.import_plan, name="import"),
    path("ban-chi-dao/<int:committee_id>/soan/", views.write_plan, name="write"),
    path("ban-chi-dao/<int:committee_id>/nhap/luu/", views.save_import, name="save_import"),
    path("ban-chi-dao/<int:committee_id>/tu-ke-hoach/<int:plan_id>/", views.cascade, name="cascade"),
    path("ban-chi-dao/<int:committee_id>/qua-han/", views.overdue, name="overdue"),
    path("<int:plan_id>/", views.detail, name="detail"),
    path("<int:plan_id>/word/", views.export, name="export"),
]
