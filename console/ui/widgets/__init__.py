"""Small widgets shared by the views (status pills, banners, cards)."""
