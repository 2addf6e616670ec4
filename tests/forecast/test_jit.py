"""accord/forecast/jit.py: the kernels load without importing SciPy's linear algebra, and Numba's own
linear algebra still works after them (its probe is put back)."""

from __future__ import annotations

import json
import subprocess
import sys

_CHILD = """
import json, sys
import numpy as np
from accord.forecast.base import Stakeholders
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.registry import make

data = Stakeholders(("a", "b", "c"), np.array([[10.0], [50.0], [90.0]]), np.full((3, 1), 0.8),
                    np.array([1.0, 2.0, 3.0]), position_sd=np.full((3, 1), 5.0))
for name in ("eum", "smp"):
    make(name).run(data)
    monte_carlo(make(name), data, draws=20)
from accord.forecast.smp import kernel
kernel.coalitions(np.ones((1, 3)), np.ones((1, 3, 2)), 0, 1e-8)
print(json.dumps({"linalg": "scipy.linalg" in sys.modules, "arraymath": "numba.np.arraymath" in sys.modules}))
"""


def test_kernels_load_without_scipy_linalg():
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"linalg": False, "arraymath": True}


def test_numba_linear_algebra_still_works_after_the_kernels():
    import numpy as np

    from accord.forecast.jit import njit

    @njit(cache=False)
    def dot(a, b):
        return np.dot(a, b)

    a = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(dot(a, a.T), a @ a.T)
