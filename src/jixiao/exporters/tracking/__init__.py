"""Exporters of the 自评表 (self-evaluation) and 监控表 (monitoring report): text, JSON, DOCX and XLSX.

Every layout format is written from one grid per project (:mod:`jixiao.exporters.tracking.grid`).
"""
