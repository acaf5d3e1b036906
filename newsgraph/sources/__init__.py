"""Sources: read files, folders and stdin into RawDocuments, detecting each format by content."""

from newsgraph.sources.detect import detect_media_type
from newsgraph.sources.readers import DEFAULT_MAX_BYTES, content_id, iter_documents

__all__ = ["DEFAULT_MAX_BYTES", "content_id", "detect_media_type", "iter_documents"]
