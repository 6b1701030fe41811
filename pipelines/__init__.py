"""Item pipelines: thin stages over the extraction core (see pipelines.stages)."""

from pipelines.stages import DedupePipeline, FieldsPipeline, TickerPipeline, ValidatePipeline

__all__ = ["DedupePipeline", "FieldsPipeline", "TickerPipeline", "ValidatePipeline"]
