"""Read the summary of a KTAB ``smpc`` log, to set our runs beside KTAB's.

KTAB ends each run with "There were N states", then "History of actor positions over time" (one line
per actor and dimension, one number per state, on 0..100 with one decimal) and "History of actors'
winning probabilities" (four decimals). Logs written through easylogging may prefix each line with a
timestamp and level; we drop it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from accord.forecast.base import Run

_PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \w+ \[\w+\] ")
_STATES = re.compile(r"There were (\d+) states")
_SEED = re.compile(r"Using PRNG seed(?: provided by [\w ]+)?:\s*(\d+)")
_ELAPSED = re.compile(r"Elapsed time: ([0-9.]+) seconds")


@dataclass
class KtabLog:
    """positions[(actor, dimension)]: one value per state; win_probabilities[actor]: ditto."""

    states: int
    seed: int | None
    positions: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    win_probabilities: dict[str, list[float]] = field(default_factory=dict)
    #: per step, the "Fractional change compared to first step" KTAB's stopping rule saw
    fractional_changes: list[float] = field(default_factory=list)
    #: KTAB's own timing of the run ("Elapsed time: S seconds"): its model with its logging, no process
    #: start-up or scenario reading
    elapsed: float | None = None


def parse_log(text: str) -> KtabLog:
    lines = [_PREFIX.sub("", line).rstrip() for line in text.splitlines()]
    states = next((int(m.group(1)) for line in lines if (m := _STATES.search(line))), None)
    if states is None:
        raise ValueError("not a finished KTAB SMP log: no 'There were N states' line")
    seed = next((int(m.group(1)) for line in lines if (m := _SEED.search(line))), None)
    elapsed = next((float(m.group(1)) for line in lines if (m := _ELAPSED.search(line))), None)
    log = KtabLog(states=states, seed=seed, elapsed=elapsed)
    section = None
    for line in lines:
        if line.startswith("Fractional change compared to first step:"):
            log.fractional_changes.append(float(line.split(":")[1].split()[0]))
        elif line.startswith("History of actor positions over time"):
            section = "positions"
        elif line.startswith("History of actors' winning probabilities"):
            section = "probabilities"
        elif section == "positions" and ":" in line and "," in line:
            head, values = line.split(":", 1)
            actor, dimension = head.split(",", 1)
            log.positions[(actor.strip(), dimension.strip())] = [float(v) for v in values.split()]
        elif section == "probabilities" and ", prob :" in line:
            actor, values = line.split(", prob :", 1)
            log.win_probabilities[actor.strip()] = [float(v) for v in values.split()]
        elif section == "probabilities":
            break
    return log


def first_difference(log: KtabLog, run: Run, actors: Sequence[str], dimensions: Sequence[str],
                     scale: tuple[float, float] = (0.0, 100.0)) -> str | None:
    """Where our ``run`` first parts from KTAB's ``log``, both printed as KTAB prints them (positions on
    its 0..100 at one decimal, win probabilities at four), or None when every state of every actor agrees.

    ``scale``: the scale our run's positions are on (a case issue's), put onto KTAB's 0..100 first.
    """
    if run.states != log.states:
        return f"{run.states} states, KTAB {log.states}"
    lo, hi = scale
    trajectory = (np.array(run.trajectory, dtype=float) - lo) * (100.0 / (hi - lo))
    for (actor, dim), logged in log.positions.items():
        if actor not in actors or dim not in dimensions:
            return f"KTAB's log names {actor!r} on {dim!r}, which our run has not"
        ours = [f"{v:.1f}" for v in trajectory[:, actors.index(actor), dimensions.index(dim)]]
        theirs = [f"{v:.1f}" for v in logged]
        if ours != theirs:
            state = next(t for t, (a, b) in enumerate(zip(ours, theirs)) if a != b)
            return f"{actor} on {dim}, state {state}: {ours[state]}, KTAB {theirs[state]}"
    if len(log.positions) != len(actors) * len(dimensions):
        return f"KTAB's log has {len(log.positions)} position histories for {len(actors)} actors × {len(dimensions)} dimensions"
    probabilities = np.array(run.detail["win_probabilities"], dtype=float)
    for actor, logged in log.win_probabilities.items():
        ours = [f"{p:.4f}" for p in probabilities[:, actors.index(actor)]]
        theirs = [f"{p:.4f}" for p in logged]
        if ours != theirs:
            state = next(t for t, (a, b) in enumerate(zip(ours, theirs)) if a != b)
            return f"{actor}'s win probability, state {state}: {ours[state]}, KTAB {theirs[state]}"
    return None
