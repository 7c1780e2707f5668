"""How a researcher obtains a dataset, and under which terms: access levels, licences and their conditions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import HttpUrl, StrictModel, Text
from .vocabulary import Term


class Access(StrEnum):
    """How a researcher obtains the data."""

    open_download = "open-download"
    registration = "registration"
    data_use_agreement = "data-use-agreement"
    challenge_registration = "challenge-registration"
    kaggle_account = "kaggle-account"
    credentialed = "credentialed"
    on_request = "on-request"
    unavailable = "unavailable"
    unknown = "unknown"


ACCESS_TERMS = {
    Access.open_download: Term("Open download", "anyone can download the files, without an account"),
    Access.registration: Term("Registration", "an account on the provider's site, then a download"),
    Access.data_use_agreement: Term("Data-use agreement", "an agreement with the provider must be accepted before the download"),
    Access.challenge_registration: Term(
        "Challenge registration", "joining the challenge that distributes the data, and accepting its rules"
    ),
    Access.kaggle_account: Term("Kaggle account", "a Kaggle account, and accepting the competition's rules"),
    Access.credentialed: Term(
        "Credentialed", "a credentialed account with research-ethics training and a signed data use agreement, as on PhysioNet"
    ),
    Access.on_request: Term("On request", "the providers answer requests, by e-mail or a form, and decide on each"),
    Access.unavailable: Term("Unavailable", "no longer distributed by its providers"),
    Access.unknown: Term("Not reported", "no source read says how the data is obtained"),
}


class License(StrictModel):
    """Licence or terms of use; ``commercial_use`` is ``null`` when the source is silent."""

    name: Text
    url: HttpUrl | None = None
    commercial_use: bool | None
    # the licence's identifier in Zenodo's vocabulary, for .zenodo.json ('other-nc': non-commercial terms of one's own)
    archive_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+$", max_length=60)] | None = None


class LicenceStatus(StrEnum):
    """What the provider's pages that were read say about terms of use."""

    stated = "stated"
    # the pages listed were read and none gives a licence; only what was read is claimed
    none_found = "none-found"


class Condition(StrEnum):
    """What the terms ask of a user."""

    registration = "registration"
    data_use_agreement = "data-use-agreement"
    challenge_rules = "challenge-rules"
    credentialed_access = "credentialed-access"
    citation_required = "citation-required"
    non_commercial = "non-commercial"
    no_redistribution = "no-redistribution"
    share_alike = "share-alike"
    no_derivatives = "no-derivatives"


NONE_FOUND = "No licence found on the pages checked"


class DatasetLicence(StrictModel):
    """A dataset's licence or terms of use, or the finding that the pages checked give none."""

    status: LicenceStatus
    name: Text | None = None
    url: HttpUrl | None = None
    commercial_use: bool | None
    conditions: list[Condition] = Field(default_factory=list)
    checked_url: HttpUrl
    also_checked: list[HttpUrl] = Field(default_factory=list, max_length=20)
    checked_on: dt.date
    note: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> DatasetLicence:
        if self.status is LicenceStatus.stated and self.name is None:
            raise ValueError("a stated licence needs its name")
        if self.status is LicenceStatus.none_found and (self.name is not None or self.url is not None):
            raise ValueError("no licence was found: leave name and url out, and list the pages read in checked_url and also_checked")
        return self

    @property
    def label(self) -> str:
        """The licence's name, or what was found where none is stated."""
        return self.name if self.name is not None else NONE_FOUND

    @property
    def pages_checked(self) -> list[str]:
        """Every provider page read for the terms, the main one first."""
        return [self.checked_url, *self.also_checked]
