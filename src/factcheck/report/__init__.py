"""Output formats: one module per format. Reports are deterministic (sorted, no timestamps)."""
