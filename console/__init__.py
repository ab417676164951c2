"""Merchant Console: WeChat Pay and Alipay for Taobao and Tmall stores, offline-first."""

__version__ = "0.1.0"
APP_NAME = "Merchant Console"
APP_ID = "merchant-console"
