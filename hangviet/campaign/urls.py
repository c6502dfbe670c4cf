from django.urls import path

from hangviet.campaign import views

app_name = "campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("truyen-thong/<int:committee_id>/", views.media_board, name="media_board"),
    path("truyen-thong/<int:committee_id>/excel/", views.media_board_xlsx, name="media_board_xlsx"),
    path("truyen-thong/<int:committee_id>/chi-tieu/", views.set_quota, name="set_quota"),
    path("truyen-thong/<int:committee_id>/kenh-moi/", views.outlet_create, name="outlet_create"),
    path("truyen-thong/<int:committee_id>/nhac/<int:outlet_id>/", views.remind, name="remind"),
    path("truyen-thong/kenh/<int:outlet_id>/", views.outlet, name="outlet"),
    path("truyen-thong/pano/<int:organisation_id>/", views.outdoor, name="outdoor"),
    path("khen-thuong/<int:committee_id>/", views.awards, name="awards"),
    path("khen-thuong/dot/<int:scheme_id>/", views.scheme, name="scheme"),
    path("khen-thuong/dot/<int:scheme_id>/to-trinh/", views.compile_proposal, name="compile"),
    path("khen-thuong/dot/<int:scheme_id>/quyet-dinh/", views.decide, name="decide"),
    path("khen-thuong/khen/<int:award_id>/cong-bo/", views.publish, name="publish"),
    path("kinh-phi/<int:committee_id>/", views.budget, name="budget"),
    path("kinh-phi/<int:committee_id>/excel/", views.budget_xlsx, name="budget_xlsx"),
]
