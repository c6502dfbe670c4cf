"""oversight: inspection and supervision programmes (kiểm tra, giám sát, khảo sát) with visits, pre-filled
checklists, findings, recommendations followed as tasks and the conclusion notice; market-control and
food-safety cases and period totals (docs/architecture.md)."""
