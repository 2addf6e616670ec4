"""Numba for the forecast kernels, imported without SciPy's linear algebra.

When Numba first compiles or loads a function it sets up its CPU target, which imports
``numba.np.arraymath``; that module asks at import time whether BLAS is there by importing
``scipy.linalg.cython_blas``, and so all of ``scipy.linalg`` (≈ 0.25 s of CPU, a quarter of a fresh
``accord forecast issue``'s Numba cost). The answer is used for one thing only: whether jitted
``np.correlate`` / ``np.convolve`` take their inner products from BLAS or from a plain loop. No kernel
here uses either, nor any linear algebra. So before anything compiles, arraymath is imported with that
probe answering "no BLAS", and the probe is put back at once: Numba's own linear algebra (``np.dot``,
``np.linalg``), should a kernel ever use it, still checks and imports SciPy when it is compiled.

The kernels import ``njit`` and ``prange`` from here, never from ``numba`` directly, so this runs first.
tests/forecast/test_jit.py checks that loading the kernels leaves ``scipy.linalg`` unimported and that
a jitted ``np.dot`` still works afterwards.
"""

from __future__ import annotations

import sys

import numba.np.linalg as _linalg
from numba import njit, prange

__all__ = ["njit", "prange"]


def _without_blas_probe() -> None:
    if "numba.np.arraymath" in sys.modules:
        return  # already set up (another module imported Numba's CPU target first): nothing to save

    def no_blas() -> None:
        raise ImportError("BLAS probe skipped by accord.forecast.jit")

    probe = _linalg.ensure_blas
    _linalg.ensure_blas = no_blas
    try:
        import numba.np.arraymath as arraymath  # binds the probe's answer, _HAVE_BLAS, now
    finally:
        _linalg.ensure_blas = probe
    arraymath.ensure_blas = probe


_without_blas_probe()
