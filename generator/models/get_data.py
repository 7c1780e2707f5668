"""Getting the data: steps, files and formats, the official split, loaders, known issues and dataset DOIs."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import DOI_PATTERN, MD5_PATTERN, MEDIA_TYPE_PATTERN, SHA256_PATTERN, HttpUrl, StrictModel, Text
from .vocabulary import CountUnit


class FileFormat(StrEnum):
    """File formats of images and annotations."""

    dicom = "DICOM"
    nifti = "NIfTI"
    mhd_raw = "MHD/RAW"
    nrrd = "NRRD"
    png = "PNG"
    jpeg = "JPEG"
    tiff = "TIFF"
    bmp = "BMP"
    ppm = "PPM"
    gif = "GIF"
    svs = "SVS"
    mat = "MAT"
    csv = "CSV"
    xml = "XML"
    json = "JSON"
    txt = "TXT"
    python_pickle = "Python pickle"
    binary = "binary"
    hdf5 = "HDF5"


class SplitKey(StrEnum):
    """What to split on so that no one source is in two splits."""

    patient = "patient"
    lesion = "lesion"
    study = "study"
    eye = "eye"
    slide = "slide"
    image = "image"


class Split(StrictModel):
    """The official train / validation / test split, if there is one."""

    official: bool | None
    train: int | None = Field(default=None, ge=0)
    validation: int | None = Field(default=None, ge=0)
    test: int | None = Field(default=None, ge=0)
    unit: CountUnit = CountUnit.image
    key: SplitKey | None = None
    source: HttpUrl | None = None
    note: Text | None = None


class LoaderLibrary(StrEnum):
    """Libraries that load datasets by name."""

    monai = "monai"
    torchvision = "torchvision"
    tensorflow_datasets = "tensorflow-datasets"
    huggingface_datasets = "huggingface-datasets"
    medmnist = "medmnist"
    kaggle_cli = "kaggle-cli"
    tcia_utils = "tcia-utils"
    pylidc = "pylidc"
    keras = "keras"
    torch_em = "torch-em"
    bob_ip_binseg = "bob-ip-binseg"
    torchxrayvision = "torchxrayvision"


class Loader(StrictModel):
    """A documented call that loads the dataset."""

    library: LoaderLibrary
    call: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    official: bool
    source: HttpUrl
    note: Text | None = None


class KnownIssue(StrictModel):
    """A known problem of the data (duplicates, label noise, overlaps), with its source."""

    text: Text
    source: HttpUrl


class Count(StrictModel):
    """A count with its unit and source (subjects, patients, studies)."""

    count: int = Field(ge=0)
    unit: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    source: HttpUrl


class Sourced(StrictModel):
    """A short figure as the source writes it (a download size), with the source."""

    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    source: HttpUrl


class DownloadFile(StrictModel):
    """A file of the dataset at a direct address on the provider's host, with a checksum a source states."""

    url: HttpUrl
    encoding_format: Annotated[str, StringConstraints(pattern=MEDIA_TYPE_PATTERN, max_length=100)]
    size_bytes: int | None = Field(default=None, ge=1)
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] | None = None
    md5: Annotated[str, StringConstraints(pattern=MD5_PATTERN)] | None = None
    source: HttpUrl  # where the checksum (and size) are stated, typically a loader library's pinned list
    note: Text | None = None

    @model_validator(mode="after")
    def _has_checksum(self) -> DownloadFile:
        if self.sha256 is None and self.md5 is None:
            raise ValueError("a file needs a checksum a source states (sha256 or md5); without one, leave the file out")
        return self


class DatasetDoi(StrictModel):
    """A DOI minted for the dataset itself (not for a paper about it), with where it is stated."""

    value: Annotated[str, StringConstraints(pattern=DOI_PATTERN, max_length=300)]
    source: HttpUrl
    note: Text | None = None


class GetData(StrictModel):
    """How to get the data, what it contains, how it is split and loaded."""

    steps: Text
    steps_source: HttpUrl | None = None
    image_formats: list[FileFormat] = Field(default_factory=list)
    annotation_formats: list[FileFormat] = Field(default_factory=list)
    formats_source: HttpUrl | None = None
    download_size: Sourced | None = None
    subjects: Count | None = None
    split: Split
    loaders: list[Loader] = Field(default_factory=list)
    files: list[DownloadFile] = Field(default_factory=list)
    known_issues: list[KnownIssue] = Field(default_factory=list)
