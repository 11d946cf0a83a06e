"""Template tags of jixiao's pages."""
