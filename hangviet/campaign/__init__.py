"""campaign: propaganda media and quotas, commendations and the trusted-business directory, budgets (issue 12)."""
