"""The largest inputs the models take: past these, one line and nothing run.

A model's memory grows with its input: the EUM's pairwise matrices with actors², the SMP's bargains with
actors³, the trajectory it reports with rounds × actors, Monte Carlo's draws and sensitivity's nudged
copies with copies × actors × dimensions. Each limit keeps a run's peak memory near a gigabyte; the
peaks measured at each limit are in docs/reliability.md ("Resource limits and reads at scale").
"""

from __future__ import annotations

from accord.errors import AccordError
from accord.forecast.base import Stakeholders

#: actors a model takes at most (models not named here are linear in the actors)
MAX_ACTORS = {"eum": 2000, "smp": 200}
#: rounds (SMP: steps, KTAB's own cap) a model runs at most; the EUM allocates its trajectory for all of them
#: up front, the SMP keeps every step's actors × actors win probabilities
MAX_ROUNDS = {"eum": 100, "smp": 100}
#: copies × actors × dimensions of the inputs held at once by Monte Carlo (copies: the draws) and by the
#: sensitivity analysis (copies: 6 per actor); five arrays of this many floats are about 400 MB
MAX_CELLS = 10_000_000
#: sensitivity makes 6 copies of the inputs per actor
SENSITIVITY_COPIES = 6


class TooLarge(AccordError):
    """An input beyond a documented limit."""


def _actors(n: int) -> str:
    return f"{n:,} actor{'s' if n != 1 else ''}"


def check_run(model: str, data: Stakeholders, rounds: int | None = None, where: str = "the input") -> None:
    """Refuse a run whose input or rounds are beyond the model's limits."""
    n = len(data.actors)
    most = MAX_ACTORS.get(model)
    if most is not None and n > most:
        raise TooLarge(f"{where}: {_actors(n)}; the {model} model takes at most {most:,}")
    most = MAX_ROUNDS.get(model)
    if most is not None and rounds is not None and rounds > most:
        raise TooLarge(f"{where}: {rounds:,} rounds asked; the {model} model runs at most {most:,}")


def check_draws(data: Stakeholders, draws: int, where: str = "the input") -> None:
    """Refuse a Monte Carlo whose draws of the inputs would not fit in MAX_CELLS."""
    n, d = data.positions.shape
    if draws * n * d > MAX_CELLS:
        raise TooLarge(
            f"{where}: {draws:,} draws × {_actors(n)} × {d} dimension{'s' if d != 1 else ''} is "
            f"{draws * n * d:,} values; Monte Carlo holds at most {MAX_CELLS:,} (fewer --draws)"
        )


def check_sensitivity(data: Stakeholders, where: str = "the input") -> None:
    n, d = data.positions.shape
    cells = SENSITIVITY_COPIES * n * n * d
    if cells > MAX_CELLS:
        raise TooLarge(
            f"{where}: {_actors(n)} × {d} dimension{'s' if d != 1 else ''} need {cells:,} values for the "
            f"sensitivity analysis ({SENSITIVITY_COPIES} copies per actor); it holds at most {MAX_CELLS:,}"
        )


def check(model: str, data: Stakeholders, *, rounds: int | None = None, draws: int | None = None,
          sensitivity: bool = False, where: str = "the input") -> None:
    """Every limit a command's work meets, checked before any of it runs."""
    check_run(model, data, rounds, where)
    if draws is not None:
        check_draws(data, draws, where)
    if sensitivity:
        check_sensitivity(data, where)
