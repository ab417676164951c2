"""The merchant's world and its rules. Pure Python: no Qt, no SQL, no HTTP."""
