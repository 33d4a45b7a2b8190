"""The assessment rules, free of I/O: evidence and indicators, cycles, rectification, revocation, plans."""
