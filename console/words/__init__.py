"""The app's Qt-free words in Chinese (zh_CN, first language) and English, one module per concern."""
