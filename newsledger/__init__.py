"""newsledger: a sourced, dated ledger of who did and said what, built from news text.

DOCS: README.md, docs/
"""

__version__ = "0.1.0"
SCHEMA_VERSION = "newsledger/1"
