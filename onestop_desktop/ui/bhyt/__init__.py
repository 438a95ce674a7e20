"""The BHYT (health insurance) tab: coverage per unit and month, against the targets."""
