"""The vocabulary: every user-visible word and message, in Chinese (first) and English, Qt-free."""
