"""Tests of console/cli.py, console/paths.py and main.py (plain pytest, no Qt)."""
