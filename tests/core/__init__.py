"""Tests of console/core (plain pytest, no Qt)."""
