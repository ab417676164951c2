"""Tests of console/words: the one vocabulary both faces speak."""
