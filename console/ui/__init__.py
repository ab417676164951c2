"""The PySide6 desktop GUI: the only package that imports Qt.

Nothing here runs at import time; ``console.ui.app.run_gui`` builds everything and passes a
``UiContext`` down to each view (no global application object).
"""
