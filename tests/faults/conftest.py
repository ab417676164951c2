"""The cross-cutting fault suite reuses the command-line and window fixtures (a demo database,
a CLI runner, the app's own UiContext and main window)."""

from tests.cli.conftest import data_dir, no_saved_folder, run, utc
from tests.ui.conftest import _compiled_translations, ui_ctx, ui_data_dir, window

__all__ = [
    "_compiled_translations",
    "data_dir",
    "no_saved_folder",
    "run",
    "ui_ctx",
    "ui_data_dir",
    "utc",
    "window",
]
