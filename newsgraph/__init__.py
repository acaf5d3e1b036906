"""newsgraph: who said and did what to whom, when, according to which outlet.

The public Python API; the CLI and the REST API call these same functions.
"""

from newsgraph.actors.query import list_actors
from newsgraph.events.query import query_events
from newsgraph.link import link_store
from newsgraph.pipeline import IngestReport, ingest, process_document
from newsgraph.quotes.query import list_quotes, quote_speakers
from newsgraph.store import Store, open_store
from newsgraph.store.export import export

__version__ = "0.1.0"
__all__ = ["IngestReport", "Store", "export", "ingest", "link_store", "list_actors", "list_quotes", "open_store",
           "process_document", "query_events", "quote_speakers", "__version__"]
