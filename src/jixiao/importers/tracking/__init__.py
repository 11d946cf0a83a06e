"""Importers of the 自评表 (self-evaluation) and 监控表 (monitoring report): the shared layout to the records."""

from jixiao.importers.tracking.assemble import assemble_tracking
from jixiao.importers.tracking.labels import KIND_LABELS, Kind, kind_of_layout

__all__ = ["KIND_LABELS", "Kind", "assemble_tracking", "kind_of_layout"]
