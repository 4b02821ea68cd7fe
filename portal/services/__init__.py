"""Every write of the portal's foundations: the email outbox, roles, the sweep runner."""
