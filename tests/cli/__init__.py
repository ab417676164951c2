"""Tests of console/cli/ (one file per verb), console/texts.py, console/wiring/paths.py and main.py."""
