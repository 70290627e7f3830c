"""PAPI windows: heads-down entry and verification for clerks, adjudication and keyer error
rates for supervisors."""
