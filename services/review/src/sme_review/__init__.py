"""Review service: Expert review, the public notice and objections, the final list and plaques, re-review."""
