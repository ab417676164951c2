"""Tests of console/cli/ (one file per verb), console/wiring/paths.py and main.py (plain pytest, no Qt)."""
