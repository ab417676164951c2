"""Qt item models over the local database."""
