"""The text lines around the tables: cover, contents, part one of a 部门预算绩效文本; titles of 自评表 and 监控表."""
