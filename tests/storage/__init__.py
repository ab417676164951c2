"""Tests of console/storage (plain pytest, no Qt)."""
