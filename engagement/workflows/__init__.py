"""The status machines of the engagement app, one module each: ``applications``,
``dialogues``, ``letter_exports``. Only these modules change a ``status``."""
