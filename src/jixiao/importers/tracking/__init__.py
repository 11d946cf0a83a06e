"""Importers of the 自评表 (self-evaluation) and 监控表 (monitoring report): the shared layout to the records.

``labels`` tells the kinds apart and is cheap; ``assemble`` (import it from its module) builds the records.
"""
