"""Review's domain: cases, experts, scoring, the notice, objections and the final list — rules only, no I/O."""
