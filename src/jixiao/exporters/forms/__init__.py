"""Documents written back in the form they came in: the indicator grid in the form's columns, its head block.

A form is known by the roles of its columns (:class:`jixiao.model.FormRef`), so any form read, named or not, is
written with the same columns in the same order; a known form also keeps its own head block (money lines,
goals) and, for a table of several projects, one grid with the project cells merged down.
"""
