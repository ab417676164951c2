"""The main window's pages. Each module ``views/<name>.py`` exposes one ``<Name>View`` class
following the protocol in ``console.ui.views.base``."""
