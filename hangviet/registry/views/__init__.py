"""Registry pages, under /so-theo-doi/: thin views (gate → form → action → redirect with a message)."""

from hangviet.registry.views.events import (
    event_create,
    event_delete,
    event_detail,
    event_edit,
    event_group_create,
    events,
    organisation_options,
)
from hangviet.registry.views.home import home, place_resolve, places
from hangviet.registry.views.ocop import (
    ocop_expiring,
    product_create,
    product_detail,
    product_recognise,
    product_register,
    products,
    recognition_revoke,
)
from hangviet.registry.views.producers import producer_create, producer_detail, producer_merge, producers
from hangviet.registry.views.stocks import (
    area_create,
    areas,
    club_create,
    clubs,
    salepoint_create,
    salepoint_detail,
    salepoint_verify,
    salepoints,
)

__all__ = [
    "area_create",
    "areas",
    "club_create",
    "clubs",
    "event_create",
    "event_delete",
    "event_detail",
    "event_edit",
    "event_group_create",
    "events",
    "home",
    "ocop_expiring",
    "organisation_options",
    "place_resolve",
    "places",
    "producer_create",
    "producer_detail",
    "producer_merge",
    "producers",
    "product_create",
    "product_detail",
    "product_recognise",
    "product_register",
    "products",
    "recognition_revoke",
    "salepoint_create",
    "salepoint_detail",
    "salepoint_verify",
    "salepoints",
]
