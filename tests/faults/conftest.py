"""The cross-cutting fault suite reuses the command-line fixtures (a demo database, a runner)."""

from tests.cli.conftest import data_dir, no_saved_folder, run, utc

__all__ = ["data_dir", "no_saved_folder", "run", "utc"]
