"""Tests of console/cli.py, console/texts.py, console/paths.py and main.py (plain pytest, no Qt)."""
