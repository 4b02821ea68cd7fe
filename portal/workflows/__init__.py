"""The status machine of the portal's foundations: the outbox (``outbox``). Only the workflow
modules change a ``status``."""
