"""Words the merchant reads, in Chinese (zh_CN) and English, as plain Python (no Qt)."""
