"""The modules of check-dependencies.py (ctest: dependencies-complete)."""
