"""``python -m jixiao`` runs the command line."""

from jixiao.cli.main import main

main()
