"""Settings modules: ``local`` (embedded default), ``test`` and ``production``.

All of them read the environment through :mod:`portal.settings.base`.
"""
