from django.urls import path

from hangviet.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("lo/<str:batch_id>/", views.batch, name="batch"),
    path("<int:document_id>/", views.review, name="review"),
]
