"""PyInstaller hook: the stub platform serves /docs from swagger-ui-bundle's files (offline).

The package is 8.3 MB of JavaScript, source maps and variants; the page FastAPI renders loads
three of them (console/platform/stub/app.py: _install_offline_docs), so only those are bundled.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "swagger_ui_bundle",
    includes=["vendor/*/swagger-ui-bundle.js", "vendor/*/swagger-ui.css", "vendor/*/favicon-*.png"],
)
