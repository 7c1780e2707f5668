"""The fixed vocabularies of a dataset sheet, each value defined once with its label and meaning.

Pages, filters, the Contributing page, the JSON Schema and the messages of
``generator check`` all read these tables, so a value added here is known
everywhere at once (a test checks that every value has its term).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Term:
    """How a vocabulary value reads on the site: a short label and a one-line meaning."""

    label: str
    meaning: str


@dataclass(frozen=True)
class UnitTerm:
    """A counting unit: its singular and plural forms and what one of it is."""

    singular: str
    plural: str
    meaning: str

    def of(self, count: int) -> str:
        """The noun for ``count`` of this unit: 'image' or 'images'."""
        return self.singular if count == 1 else self.plural


class Origin(StrEnum):
    """Where a dataset's sheet comes from."""

    write_up = "write-up"
    added = "added"


ORIGIN_TERMS = {
    Origin.write_up: Term(
        "From the write-up", "described in the write-up the collection began with; its figures are checked against the write-up's"
    ),
    Origin.added: Term("Added", "added beyond the write-up; every figure shown is confirmed at a primary source or left empty"),
}


class Task(StrEnum):
    """What a dataset's labels let a model learn: Table 1's four tasks and those of the wider field."""

    classification = "classification"
    segmentation = "segmentation"
    object_detection = "object-detection"
    survival_prediction = "survival-prediction"
    registration = "registration"
    regression = "regression"
    landmark_localisation = "landmark-localisation"
    report_generation = "report-generation"
    visual_question_answering = "visual-question-answering"
    reconstruction = "reconstruction"


TASK_TERMS = {
    Task.classification: Term("Classification", "a label (or several) for each image, study or patient"),
    Task.segmentation: Term("Segmentation", "outlines or masks of structures, drawn pixel by pixel or voxel by voxel"),
    Task.object_detection: Term("Object detection", "boxes or points that locate findings or objects in an image"),
    Task.survival_prediction: Term("Survival prediction", "follow-up times and outcomes of the patients, to predict survival"),
    Task.registration: Term("Registration", "image pairs (with landmarks or masks) to align one image onto another"),
    Task.regression: Term("Regression", "a measured quantity per image or study, such as an ejection fraction, an age or a count"),
    Task.landmark_localisation: Term("Landmark localisation", "the positions of named anatomical points"),
    Task.report_generation: Term("Report generation", "free-text reports or captions written for the images"),
    Task.visual_question_answering: Term("Visual question answering", "questions about the images with their answers"),
    Task.reconstruction: Term("Reconstruction", "raw acquisition data (such as k-space) to rebuild images from"),
}


class Dimensionality(StrEnum):
    """Shape of one sample."""

    two_d = "2d"
    volume = "3d-volume"
    whole_slide = "whole-slide"
    video = "video"


DIMENSIONALITY_TERMS = {
    Dimensionality.two_d: Term("2D images", "each sample is one two-dimensional image"),
    Dimensionality.volume: Term("3D volumes", "each sample is a stack of slices forming a volume (CT, MRI, PET, 3D ultrasound)"),
    Dimensionality.whole_slide: Term(
        "Whole-slide images", "each sample is a gigapixel scan of a glass slide, stored at several magnifications"
    ),
    Dimensionality.video: Term("Videos", "each sample is a sequence of frames in time (endoscopy, ultrasound cine loops)"),
}


class CountUnit(StrEnum):
    """What a count counts: image counts use the imaging units, split counts may also count people."""

    image = "image"
    slice = "slice"
    volume = "volume"
    study = "study"
    exam = "exam"
    case = "case"
    slide = "slide"
    patch = "patch"
    video = "video"
    frame = "frame"
    patient = "patient"
    subject = "subject"


UNIT_TERMS = {
    CountUnit.image: UnitTerm("image", "images", "one two-dimensional picture stored as a file: a radiograph, photograph or micrograph"),
    CountUnit.slice: UnitTerm("slice", "slices", "one two-dimensional section of a CT or MR volume, counted on its own"),
    CountUnit.volume: UnitTerm("volume", "volumes", "one three-dimensional scan (CT, MR, PET or 3D ultrasound)"),
    CountUnit.study: UnitTerm("study", "studies", "the images of one patient from one imaging visit, with one or more views or series"),
    CountUnit.exam: UnitTerm("exam", "exams", "one examination as the provider counts it, such as a screening mammogram with its views"),
    CountUnit.case: UnitTerm("case", "cases", "one patient's case as a challenge distributes it, possibly several scans or sequences"),
    CountUnit.slide: UnitTerm("slide", "slides", "one whole-slide image of a glass slide"),
    CountUnit.patch: UnitTerm("patch", "patches", "one fixed-size tile cut from a larger image, often a whole slide"),
    CountUnit.video: UnitTerm("video", "videos", "one recorded video or cine loop"),
    CountUnit.frame: UnitTerm("frame", "frames", "one frame of a video, counted on its own"),
    CountUnit.patient: UnitTerm("patient", "patients", "one patient (split counts only: images are counted in an imaging unit)"),
    CountUnit.subject: UnitTerm("subject", "subjects", "one person imaged, patient or volunteer (split counts only)"),
}

# Units that count people, not images: a dataset's image counts may not use them.
PEOPLE_UNITS = frozenset({CountUnit.patient, CountUnit.subject})
IMAGE_UNITS = tuple(unit for unit in CountUnit if unit not in PEOPLE_UNITS)
