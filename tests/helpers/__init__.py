"""Shared test helpers: factories.py builds populated local databases (see its docstring)."""
