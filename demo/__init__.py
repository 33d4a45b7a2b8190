"""`make demo`: a small, realistic programme year in the running system, through its HTTP APIs."""
