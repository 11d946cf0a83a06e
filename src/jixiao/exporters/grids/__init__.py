"""Documents as grids of cells: what the text, DOCX, XLSX and HTML writers of every kind of record write.

A kind builds a :class:`GridDocument` (its title, the lines under it, one table per project or part) and the
writers here lay it out, so a new kind or a form written back needs no writer of its own.
"""
