"""accord/record/shapes.json, the record classes' fields as plain data (read by accord.views.show
without the model), is the model's: regenerated, it is unchanged."""

from __future__ import annotations

import pytest

from accord.record import model, shapes
from accord.views import show


def test_shapes_json_is_derived_from_the_model():
    assert shapes.PATH.read_text(encoding="utf-8") == shapes.text(), "run: python -m accord.record.shapes"
    assert shapes.load() == shapes.derive()  # and the reader gives back what was derived


def test_every_record_kind_and_every_class_it_holds_has_a_shape():
    derived = shapes.derive()
    assert derived["kinds"] == {kind: cls.__name__ for kind, cls in model.KINDS.items()}
    held = {f[2] for fields in derived["classes"].values() for f in fields if f[2]}
    assert held <= set(derived["classes"]) and {"Citation", "Claim", "Role", "Place"} <= held


def test_a_model_held_any_other_way_is_refused():
    """A union of two models would leave the reader guessing which to fill: derive says so."""
    with pytest.raises(TypeError, match="X.f: a model held as"):
        shapes._held(model.Claim | model.Citation, "X.f")
    with pytest.raises(TypeError):
        shapes._held(list[list[model.Claim]], "X.f")
    assert shapes._held(list[model.Claim] | None, "X.f") == (model.Claim, "list")
    assert shapes._held(dict[str, int], "X.f") == (None, None)


def test_a_stored_record_lacking_a_required_field_is_an_error_not_a_traceback():
    from accord.errors import AccordError

    classes = shapes.load()["classes"]
    name = next(n for n, fields in classes.items() if any(f[1] == shapes.REQUIRED for f in fields))
    with pytest.raises(AccordError, match=f"a stored {name} lacks its"):
        show.dump(classes, name, {})
