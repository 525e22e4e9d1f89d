"""Sub-commands of the ``numclaims`` CLI; each module has ``register(subparsers)``.

Each module imports the code it runs inside its ``run`` function, not at the top: ``numclaims --help``
imports every command module to build the parser, and stays fast that way (see :mod:`numclaims.layers`).
"""
