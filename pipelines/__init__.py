"""Item pipelines: thin stages over the extraction core."""
