"""Forms of the reviews app, one module per area: ``editing`` (the secretariat's pages of a
State's review data), ``data`` (import, change log), ``pages`` (compilation, simulator)."""
