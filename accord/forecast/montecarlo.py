"""Monte Carlo over input uncertainty: draw inputs from their ± spreads, forecast each draw.

Positions are drawn from normal distributions around the given values with the given sd and clipped to
the issue's scale; saliences likewise, clipped to 0..1; capabilities clipped at 0. Values without an sd
do not vary: the interval reflects only the uncertainty the inputs record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from accord.forecast.base import BatchModel, Model, Stakeholders
from accord.forecast.limits import check_draws

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
#: draws forecast between two looks at the interval when stopping early (``tolerance``)
STEP = 100
#: draws forecast together: bounds the memory of models that build (draws × n × n) arrays
_CHUNK_CELLS = 2_000_000


@dataclass
class Draws:
    positions: np.ndarray  # (B, n, d)
    salience: np.ndarray  # (B, n, d)
    capability: np.ndarray  # (B, n)


@dataclass
class MonteCarlo:
    model: str
    draws: int
    seed: int
    samples: np.ndarray  # (draws, d)
    dimensions: tuple[str, ...]
    within: tuple[float, float] | None = None
    parameters: dict[str, Any] = field(default_factory=dict)

    def quantiles(self) -> dict[str, list[float]]:
        q = np.quantile(self.samples, QUANTILES, axis=0)
        return {f"{p:g}": row.tolist() for p, row in zip(QUANTILES, q)}

    def interval(self, level: float = 0.9) -> list[list[float]]:
        """Central interval per dimension: [[lo, hi] per dimension]."""
        lo, hi = np.quantile(self.samples, [(1 - level) / 2, (1 + level) / 2], axis=0)
        return [[float(a), float(b)] for a, b in zip(lo, hi)]

    def probability_within(self) -> list[float] | None:
        if self.within is None:
            return None
        lo, hi = self.within
        return ((self.samples >= lo) & (self.samples <= hi)).mean(axis=0).tolist()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "model": self.model,
            "draws": self.draws,
            "seed": self.seed,
            "dimensions": list(self.dimensions),
            "mean": self.samples.mean(axis=0).tolist(),
            "sd": self.samples.std(axis=0).tolist(),
            "quantiles": self.quantiles(),
            "interval90": self.interval(0.9),
            "parameters": self.parameters,
        }
        if self.within is not None:
            out["range"] = list(self.within)
            out["p_within"] = self.probability_within()
        return out


def draw(data: Stakeholders, draws: int, rng: np.random.Generator) -> Draws:
    n, d = data.positions.shape
    lo, hi = data.scale

    def jitter(value: np.ndarray, sd: np.ndarray | None) -> np.ndarray:
        base = np.broadcast_to(value, (draws, *value.shape))
        return base + rng.standard_normal(base.shape) * sd if sd is not None else base.copy()

    return Draws(
        positions=np.clip(jitter(data.positions, data.position_sd), lo, hi),
        salience=np.clip(jitter(data.salience, data.salience_sd), 0.0, 1.0),
        capability=np.clip(jitter(data.capability, data.capability_sd), 0.0, None),
    )


def forecast_draws(model: Model, data: Stakeholders, batch: Draws) -> np.ndarray:
    """The model's forecast (B, d) for every draw: batched when the model can, one run at a time if not."""
    b, n, _ = batch.positions.shape
    if isinstance(model, BatchModel):
        chunk = max(1, _CHUNK_CELLS // max(1, n**2))
        parts = [
            model.forecast_batch(
                batch.positions[i : i + chunk], batch.salience[i : i + chunk], batch.capability[i : i + chunk], data.scale
            )
            for i in range(0, b, chunk)
        ]
        return np.concatenate(parts, axis=0)
    # inputs without uncertainty give identical draws (and clipped nudges repeat the inputs): run each
    # distinct copy once, since a run depends only on its inputs
    seen: dict[bytes, list[float]] = {}
    out = []
    for i in range(b):
        key = batch.positions[i].tobytes() + batch.salience[i].tobytes() + batch.capability[i].tobytes()
        if key not in seen:
            one = Stakeholders(
                data.actors, batch.positions[i], batch.salience[i], batch.capability[i], data.dimensions, data.scale
            )
            seen[key] = model.run(one).forecast
        out.append(seen[key])
    return np.asarray(out, dtype=float)


def monte_carlo(
    model: Model, data: Stakeholders, draws: int = 1000, seed: int = 0, within: tuple[float, float] | None = None,
    run: Callable[[Model, Stakeholders, Draws], np.ndarray] = forecast_draws, tolerance: float | None = None,
) -> MonteCarlo:
    """``run`` forecasts the draws (here by default; ``accord.forecast.dask_engine`` on a cluster).

    ``tolerance`` (a fraction of the scale's width) stops early once the 90 % interval is known to within
    it: the draws are forecast STEP at a time, and after each step both ends of every dimension's
    interval (the 5 % and 95 % quantiles) get a 95 % confidence interval from the order statistics
    (binomial: ranks N·p ± 1.96·√(N·p·(1 − p))). When each of those lies within ± tolerance × width of
    its end, the remaining draws are not forecast. The draws used are the first ones of the full set
    (all ``draws`` are drawn first, in the same order), so a run that goes to the end is the run
    without a tolerance.
    """
    check_draws(data, draws)
    if isinstance(model, BatchModel):
        model.expect(draws, len(data.actors))
    rng = np.random.default_rng(seed)
    batch = draw(data, draws, rng)
    if tolerance is None:
        samples = run(model, data, batch)
    else:
        samples = _until_settled(model, data, batch, run, tolerance * (data.scale[1] - data.scale[0]))
    return MonteCarlo(
        model=model.name,
        draws=len(samples),
        seed=seed,
        samples=samples,
        dimensions=data.dimensions,
        within=within,
        parameters=dict(getattr(model, "parameters", {})),
    )


def settled(samples: np.ndarray, slack: float) -> bool:
    """Whether the 5 % and 95 % quantiles of samples (N, d) are each known within ± slack (95 % confidence,
    from the order statistics around them)."""
    n = samples.shape[0]
    ordered = np.sort(samples, axis=0)
    for p in (0.05, 0.95):
        half = 1.96 * np.sqrt(n * p * (1 - p))
        lo, hi = int(np.floor(n * p - half)), int(np.ceil(n * p + half))
        if lo < 0 or hi > n - 1:
            return False
        at = np.quantile(samples, p, axis=0)
        if np.any(at - ordered[lo] > slack) or np.any(ordered[hi] - at > slack):
            return False
    return True


def looks(total: int) -> list[int]:
    """The numbers of draws at which the stopping rule looks at the interval: every STEP, and the last."""
    return [*range(STEP, total, STEP), total]


def _chunk(model: Model, done: int) -> int:
    """Draws to forecast next after ``done``: a batch model's chunks double (each pass over a batch has a
    fixed cost per model step), other models go STEP at a time."""
    return max(STEP, done) if isinstance(model, BatchModel) else STEP


def _settles_at(samples: np.ndarray, after: int, upto: int, total: int, slack: float) -> int | None:
    """The first look in (after, upto] at which the first ``look`` samples have settled, or None."""
    for look in looks(total):
        if after < look <= upto and settled(samples[:look], slack):
            return look
    return None


def _until_settled(
    model: Model, data: Stakeholders, batch: Draws, run: Callable[[Model, Stakeholders, Draws], np.ndarray], slack: float
) -> np.ndarray:
    """The first draws up to the first look (every STEP draws, and the last) at which ``settled`` holds.

    A batch model forecasts the draws in chunks that double (100, 100, 200, 400, ...), since each pass
    over a batch costs a fixed overhead per model step (the SMP steps a chunk until its last draw
    settles); the looks are still every STEP draws inside each chunk. A draw's forecast does not depend
    on which other draws share its batch, so the result is the one of looking after every STEP draws
    forecast STEP at a time (tested), at the price of forecasting up to one chunk beyond where it
    settles. Other models forecast one draw at a time, so they go STEP at a time.
    """
    parts: list[np.ndarray] = []
    total = batch.positions.shape[0]
    done = 0
    while done < total:
        end = min(total, done + _chunk(model, done))
        part = Draws(batch.positions[done:end], batch.salience[done:end], batch.capability[done:end])
        parts.append(run(model, data, part))
        samples = np.concatenate(parts, axis=0)
        look = _settles_at(samples, done, end, total, slack)
        if look is not None:
            return samples[:look]
        done = end
    return np.concatenate(parts, axis=0)


#: seconds this process waits for the lock the two share before it gives up claiming draws
_LOCK_WAIT = 10.0


class Claims:
    """What two processes share to split a Monte Carlo's draws (TwoWays): three counters in anonymous
    shared memory and a lock, made before the fork."""

    def __init__(self) -> None:
        import mmap
        import multiprocessing

        self._memory = mmap.mmap(-1, 3 * 8)  # anonymous and shared with the fork
        # [0]: first draw not claimed from the front; [1]: first draw claimed from the back; [2]: settled
        self.counters = np.frombuffer(self._memory, dtype=np.int64)
        self.lock = multiprocessing.get_context("fork").Lock()


class TwoWays:
    """One model's Monte Carlo forecast by two processes at once: a forked child from the first draw
    forward (``forward``, with the stopping rule's looks as it goes), this process from the last draw
    backward (``backward``) once it has nothing else to do; they meet wherever the work has got to.

    Draws are claimed in whole STEPs under a lock, through counters in memory the fork shares. ``result``
    joins the two parts and looks on from where the child stopped looking, so the draws used and every
    number are ``monte_carlo``'s (tested). When the child finds the interval settled, it says so and
    this process stops claiming; what it forecast past that point is discarded (CPU time spent on the
    second core, never a different answer).
    """

    #: draws this process forecasts per claim, from the end
    BACK = STEP

    def __init__(
        self, model: Model, data: Stakeholders, draws: int, seed: int, tolerance: float | None,
        claims: Claims | None = None, *, first: bool = True,
    ):
        """``claims``: counters made before the fork (made here if None); ``first``: this is the first
        side to take them up (it sets them), not the child picking up a job sent later."""
        check_draws(data, draws)
        self.model, self.data, self.draws, self.seed = model, data, draws, seed
        self.batch = draw(data, draws, np.random.default_rng(seed))
        self.slack = None if tolerance is None else tolerance * (data.scale[1] - data.scale[0])
        claims = claims if claims is not None else Claims()
        self._counters, self._lock = claims.counters, claims.lock
        if first:
            self._counters[:] = (0, draws, 0)

    def _part(self, lo: int, hi: int) -> np.ndarray:
        b = self.batch
        return forecast_draws(self.model, self.data, Draws(b.positions[lo:hi], b.salience[lo:hi], b.capability[lo:hi]))

    def forward(self) -> tuple[np.ndarray, bool]:
        """In the child: the draws from the first, in doubling chunks, until they meet the ones claimed
        from the back or the interval settles: (those forecasts, whether it settled)."""
        if isinstance(self.model, BatchModel):
            self.model.expect(self.draws, len(self.data.actors))
        parts: list[np.ndarray] = []
        done = 0
        while True:
            with self._lock:
                end = min(int(self._counters[1]), done + _chunk(self.model, done))
                self._counters[0] = end
            if end <= done:
                return np.concatenate(parts, axis=0) if parts else self.batch.positions[:0, 0, :] * 0.0, False
            parts.append(self._part(done, end))
            samples = np.concatenate(parts, axis=0)
            look = None if self.slack is None else _settles_at(samples, done, end, self.draws, self.slack)
            if look is not None:
                self._counters[2] = 1
                return samples[:look], True
            done = end

    def backward(self) -> dict[int, np.ndarray]:
        """In this process: chunks of draws from the last, until they meet the child's or it settles;
        {first draw: forecasts}."""
        out: dict[int, np.ndarray] = {}
        while not self._counters[2]:
            # a child killed while holding the lock (it holds it for a few instructions) must not hang
            # this process: it stops claiming, and ``result`` finds the gap
            if not self._lock.acquire(timeout=_LOCK_WAIT):
                break
            try:
                front, back = int(self._counters[0]), int(self._counters[1])
                # whole STEPs, so that the parts meet on a look
                start = max(front, ((back - 1) // STEP) * STEP - (self.BACK - STEP))
                if start >= back:
                    break
                self._counters[1] = start
            finally:
                self._lock.release()
            out[start] = self._part(start, back)
        return out

    def result(
        self, head: np.ndarray, head_settled: bool, tail: dict[int, np.ndarray], within: tuple[float, float] | None = None
    ) -> MonteCarlo | None:
        """The Monte Carlo the two parts make: the child's head, then the tail this process forecast; None
        if they leave a gap (this process stopped claiming), for the caller to compute it whole."""
        samples = head
        if not head_settled:
            if tail:
                samples = np.concatenate([head, *(tail[k] for k in sorted(tail))], axis=0)
            if len(samples) != self.draws:
                return None
            look = None if self.slack is None else _settles_at(samples, len(head), self.draws, self.draws, self.slack)
            if look is not None:
                samples = samples[:look]
        return MonteCarlo(
            model=self.model.name,
            draws=len(samples),
            seed=self.seed,
            samples=samples,
            dimensions=self.data.dimensions,
            within=within,
            parameters=dict(getattr(self.model, "parameters", {})),
        )
