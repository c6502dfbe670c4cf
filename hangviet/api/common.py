"""What every part of the API shares: the refusal schema, object ids in paths, the declared error statuses."""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Path, Schema


class ErrorOut(Schema):
    """Every refusal: ``detail`` is a Vietnamese sentence (or, for a malformed request, the list of problems)."""

    detail: Any


# Database keys are 64-bit: a larger id in a path is "not found" by validation, not an overflow.
ObjectId = Annotated[int, Path(ge=1, le=2**63 - 1)]
# 400: a NUL character anywhere in the request (hangviet.web.middleware), before the endpoint runs.
SIGNED_IN = {400: ErrorOut, 401: ErrorOut}
READ_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
