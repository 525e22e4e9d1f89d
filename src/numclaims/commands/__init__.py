"""Sub-commands of the ``numclaims`` CLI; each module has ``register(subparsers)``."""
