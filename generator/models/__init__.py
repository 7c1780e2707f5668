"""Typed catalog model: the contract between loading, rendering and exporting.

Every rule a single record must satisfy lives in this package, so that the
JSON Schema exported for editors and the checks run by ``python -m generator
check`` are the same rules. Rules that span several records live in
``load/checks.py``. One module per concept:

- ``base``: the base model, identifier patterns, safe URLs;
- ``vocabulary``: fixed values (origin, tasks, dimensionality, count units), each with its label and meaning;
- ``figures``: frame size, counts, classes, and the state of each figure (confirmed, corrected, unconfirmed);
- ``access``: access levels, licences and their conditions;
- ``get_data``: steps, formats, the official split, loaders, files;
- ``dataset``: one dataset sheet and its relations;
- ``collection``: collection.yaml, the write-up's Table 1, the wanted list;
- ``reports``: link and citation reports, references, releases;
- ``catalog``: the whole validated catalog.

Everything is importable from ``generator.models`` itself.
"""

from __future__ import annotations

from . import base, figures
from .access import ACCESS_TERMS, NONE_FOUND, Access, Condition, DatasetLicence, LicenceStatus, License
from .base import (
    BIBKEY_PATTERN,
    BRANCH_PATTERN,
    DOI_PATTERN,
    EMAIL_PATTERN,
    MD5_PATTERN,
    MEDIA_TYPE_PATTERN,
    SHA256_PATTERN,
    SLUG_PATTERN,
    VERSION_PATTERN,
    BibKey,
    HttpUrl,
    Name,
    Slug,
    StrictModel,
    Text,
    check_http_url,
    check_http_url_fully,
)
from .catalog import Catalog, RelatedDataset
from .collection import (
    Author,
    Category,
    Collection,
    Repository,
    SourceDocument,
    WantedDataset,
    WantedList,
    WantedReason,
    WriteUp,
    WriteUpMention,
    WriteUpRow,
)
from .dataset import Dataset, Relation, RelationType
from .figures import (
    ERRATUM_FIELDS,
    FIGURE_FIELDS,
    ClassCount,
    Erratum,
    FigureCheck,
    FiguresSource,
    FigureState,
    FrameSize,
    ImageCounts,
    Size,
    SizeBasis,
    SizeRange,
)
from .get_data import DatasetDoi, DownloadFile, FileFormat, GetData, KnownIssue, Loader, LoaderLibrary, Split, SplitKey
from .reports import (
    CatalogChange,
    CitationCount,
    CitationReport,
    LinkReport,
    LinkResult,
    LinkStatus,
    Reference,
    Release,
    ReleaseHistory,
)
from .vocabulary import (
    DIMENSIONALITY_TERMS,
    IMAGE_UNITS,
    ORIGIN_TERMS,
    PEOPLE_UNITS,
    TASK_TERMS,
    UNIT_TERMS,
    CountUnit,
    Dimensionality,
    Origin,
    Task,
    Term,
    UnitTerm,
)

# What each pattern asks for, in a contributor's words: no message shows a raw regular expression.
PATTERN_MEANINGS = {**base.PATTERN_MEANINGS, **figures.PATTERN_MEANINGS}

__all__ = [
    "ACCESS_TERMS",
    "BIBKEY_PATTERN",
    "BRANCH_PATTERN",
    "DIMENSIONALITY_TERMS",
    "DOI_PATTERN",
    "EMAIL_PATTERN",
    "ERRATUM_FIELDS",
    "FIGURE_FIELDS",
    "IMAGE_UNITS",
    "MD5_PATTERN",
    "MEDIA_TYPE_PATTERN",
    "NONE_FOUND",
    "ORIGIN_TERMS",
    "PATTERN_MEANINGS",
    "PEOPLE_UNITS",
    "SHA256_PATTERN",
    "SLUG_PATTERN",
    "TASK_TERMS",
    "UNIT_TERMS",
    "VERSION_PATTERN",
    "Access",
    "Author",
    "BibKey",
    "Catalog",
    "CatalogChange",
    "Category",
    "CitationCount",
    "CitationReport",
    "ClassCount",
    "Collection",
    "Condition",
    "CountUnit",
    "Dataset",
    "DatasetDoi",
    "DatasetLicence",
    "Dimensionality",
    "DownloadFile",
    "Erratum",
    "FigureCheck",
    "FigureState",
    "FiguresSource",
    "FileFormat",
    "FrameSize",
    "GetData",
    "HttpUrl",
    "ImageCounts",
    "KnownIssue",
    "LicenceStatus",
    "License",
    "LinkReport",
    "LinkResult",
    "LinkStatus",
    "Loader",
    "LoaderLibrary",
    "Name",
    "Origin",
    "Reference",
    "RelatedDataset",
    "Relation",
    "RelationType",
    "Release",
    "ReleaseHistory",
    "Repository",
    "Size",
    "SizeBasis",
    "SizeRange",
    "Slug",
    "SourceDocument",
    "Split",
    "SplitKey",
    "StrictModel",
    "Task",
    "Term",
    "Text",
    "UnitTerm",
    "WantedDataset",
    "WantedList",
    "WantedReason",
    "WriteUp",
    "WriteUpMention",
    "WriteUpRow",
    "check_http_url",
    "check_http_url_fully",
]
