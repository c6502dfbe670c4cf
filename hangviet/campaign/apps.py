from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "hangviet.campaign"
    verbose_name = _("Tuyên truyền, khen thưởng, kinh phí")

    def ready(self) -> None:
        from hangviet.campaign.figures import campaign_figures
        from hangviet.registry.figures import register_source

        register_source("campaign", campaign_figures)
