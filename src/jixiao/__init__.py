"""jixiao (绩效): read, check, render and carry 预算绩效 documents through the budget year."""

__version__ = "0.1.0.dev0"
