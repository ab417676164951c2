"""Contract tests of the stub platform server over real HTTP."""
