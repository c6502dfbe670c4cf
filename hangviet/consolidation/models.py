"""Consolidation keeps no state of its own: totals are computed live from accepted reports."""
