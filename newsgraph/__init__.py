"""newsgraph: who said and did what to whom, when, according to which outlet.

The public Python API; the CLI and the REST API call these same functions.
"""

from newsgraph.pipeline import IngestReport, ingest, process_document
from newsgraph.store import Store, open_store
from newsgraph.store.export import export

__version__ = "0.1.0"
__all__ = ["IngestReport", "Store", "export", "ingest", "open_store", "process_document", "__version__"]
