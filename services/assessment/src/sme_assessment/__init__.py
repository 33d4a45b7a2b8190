"""Assessment service: Work plans and summaries, the annual assessment and rectification, revocation."""
