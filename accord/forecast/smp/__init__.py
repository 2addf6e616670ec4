"""The spatial model of politics (SMP), compatible with KAPSARC's KTAB: same options, same results.

Its names are imported when first asked for (PEP 562), so that a submodule alone, such as
``accord.forecast.smp.writers`` for `accord forecast ktab`, does not import the model, the readers and NumPy.
"""

from __future__ import annotations

import importlib
from typing import Any

#: each name this package offers, and the submodule that defines it
_WHERE = {
    "SMP": "model",
    "SMPParams": "params",
    "SMPParameterError": "params",
    "Scenario": "readers",
    "SMPInputError": "errors",
    "read_csv": "readers",
    "read_scenario": "readers",
    "read_xml": "readers",
}

__all__ = list(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
