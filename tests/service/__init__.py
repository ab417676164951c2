"""Tests of console/service.py (plain pytest, no Qt)."""
