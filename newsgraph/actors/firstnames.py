"""The gender a first name gives a person, so that 'she said' does not attach to an 'Antony' before any
pronoun has told his gender.

``data/first_names.tsv`` keeps the clearly gendered first names (at least 95 % one way, over at least 100
observations from three or more sources) of nomquamgender's name table (MIT licence; Van Buskirk, Clauset
and Larremore, 2023). Rebuild it with ``python -m newsgraph.actors.firstnames`` after ``pip install
nomquamgender==0.1.4``: the package itself is not a dependency, as its table is 700 k names and 40 MB of
JSON loaded at import, where the stage needs a 30 k-name lookup.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

from newsgraph.actors.names import ascii_fold

DATA_FILE = Path(__file__).parent / "data" / "first_names.tsv"
MIN_SHARE = 0.95  # of observations that are one gender
MIN_COUNT = 100  # observations of the name
MIN_SOURCES = 3  # name lists that have it
_NAME = re.compile(r"^[a-z][a-z'-]{1,19}$")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Return first name (lower case, accents folded) → 'm' or 'f' (loaded once per process)."""
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))  # type: ignore[misc]


def first_name_gender(name: str) -> str | None:
    """Return 'm' or 'f' when the first name is clearly one gender, else None."""
    return _table().get(ascii_fold(name).lower())


def build(out: Path = DATA_FILE) -> int:
    """Write the table from nomquamgender's data (an install of it is needed); return the number of names."""
    spec = importlib.util.find_spec("nomquamgender")  # located, not imported: its import needs pandas
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pip install nomquamgender==0.1.4 to rebuild the first-name table")
    raw = (Path(spec.origin).parent / "name_data.json").read_text(encoding="utf-8")
    rows = []
    for name, (sources, count, p_female, *_) in json.loads(raw).items():
        if _NAME.match(name) and sources >= MIN_SOURCES and count >= MIN_COUNT:
            if p_female >= MIN_SHARE or p_female <= 1 - MIN_SHARE:
                rows.append(f"{name}\t{'f' if p_female >= MIN_SHARE else 'm'}")
    header = "# first name<TAB>gender, from nomquamgender 0.1.4 (MIT); rebuilt by python -m newsgraph.actors.firstnames"
    out.write_text("\n".join([header, *sorted(rows)]) + "\n", encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(f"{build()} first names → {DATA_FILE}")
