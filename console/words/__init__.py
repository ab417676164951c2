"""Plain-Python words (zh_CN and English) per concern, for the CLI and exports: one module per
feature, so each owns its vocabulary. The GUI translates through Qt instead."""
