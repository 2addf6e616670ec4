"""Run options of the spatial model of politics, named exactly as KTAB's SMP names them.

The option names and their values are KTAB's, so that a KTAB scenario file, a KTAB log header and
an accord run all read the same. Unknown values are user errors, reported in one line.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import Any

from accord.forecast.base import ParameterError


class SMPParameterError(ParameterError):
    """An option name or value that KTAB's SMP does not have."""


class VictoryProbModel(str, Enum):
    """How a coalition's strength ratio turns into a probability of victory."""

    LINEAR = "Linear"
    SQUARE = "Square"
    QUARTIC = "Quartic"
    OCTIC = "Octic"
    BINARY = "Binary"


class VotingRule(str, Enum):
    """How strongly an actor's influence responds to a difference in utility."""

    BINARY = "Binary"
    PROP_BIN = "PropBin"
    PROP = "Prop"
    PROP_CBC = "PropCbc"
    CUBIC = "Cubic"
    ASYM_PROSP = "ASymProsp"


class PCEModel(str, Enum):
    """How pairwise victory probabilities become one probability per option (probabilistic Condorcet election)."""

    CONDITIONAL = "Conditional"
    MARKOV_INCENTIVE = "MarkovIncentive"
    MARKOV_UNIFORM = "MarkovUniform"


class StateTransitions(str, Enum):
    """Whether each actor adopts its most likely bargain or draws one by probability."""

    DETERMINISTIC = "Deterministic"
    STOCHASTIC = "Stochastic"


class BigRRange(str, Enum):
    """The range onto which win probabilities are mapped as risk attitudes: [0,1], [-1/2,1] or [-1,1]."""

    MIN = "Min"
    MID = "Mid"
    MAX = "Max"


class BigRAdjust(str, Enum):
    """How far h's estimate of i's risk attitude moves from h's own towards i's true one."""

    NONE = "None"
    ONE_THIRD = "OneThird"
    HALF = "Half"
    TWO_THIRDS = "TwoThirds"
    FULL = "Full"


class ThirdPartyCommit(str, Enum):
    """What a third party expects to get when it joins one side of a challenge."""

    NO_COMMIT = "NoCommit"
    SEMI_COMMIT = "SemiCommit"
    FULL_COMMIT = "FullCommit"


class InterVecBrgn(str, Enum):
    """Weights of the per-dimension interpolation of a bargain: salience^S × probability^P."""

    S1P1 = "S1P1"
    S2P2 = "S2P2"
    S2PMAX = "S2PMax"


class BargnModel(str, Enum):
    """Who interpolates a bargain: the initiator only, both parties, or a power-weighted compromise."""

    INIT_ONLY_INTERP = "InitOnlyInterp"
    INIT_RCVR_INTERP = "InitRcvrInterp"
    PW_COMP_INTERP = "PWCompInterp"


@dataclass(frozen=True)
class SMPParams:
    """One SMP configuration. Defaults are KTAB's defaults for a CSV scenario.

    ``stop_fraction``: stop once a step moves the actors less than this fraction of the first step.
    ``min_steps`` / ``max_steps``: KTAB's fixed 2 and 100.
    """

    VictoryProbModel: VictoryProbModel = VictoryProbModel.LINEAR
    VotingRule: VotingRule = VotingRule.PROP
    PCEModel: PCEModel = PCEModel.CONDITIONAL
    StateTransitions: StateTransitions = StateTransitions.DETERMINISTIC
    BigRRange: BigRRange = BigRRange.MID
    BigRAdjust: BigRAdjust = BigRAdjust.ONE_THIRD
    ThirdPartyCommit: ThirdPartyCommit = ThirdPartyCommit.SEMI_COMMIT
    InterVecBrgn: InterVecBrgn = InterVecBrgn.S2P2
    BargnModel: BargnModel = BargnModel.INIT_ONLY_INTERP
    stop_fraction: float = 0.02
    min_steps: int = 2
    max_steps: int = 100

    @classmethod
    def from_names(cls, **options: Any) -> SMPParams:
        """Build from KTAB's option names and value strings, e.g. ``VotingRule="PropCbc"``."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in options.items():
            if name not in known:
                raise SMPParameterError(f"unknown SMP parameter {name!r}; known: {', '.join(known)}")
            kind = _ENUMS.get(name)
            if kind is None:
                # numbers may come as text from a command line
                number = type(known[name].default)
                try:
                    values[name] = number(value)
                except (TypeError, ValueError):
                    raise SMPParameterError(f"{name}: expected a number, got {value!r}") from None
                continue
            try:
                values[name] = value if isinstance(value, kind) else kind(str(value).strip())
            except ValueError:
                allowed = ", ".join(member.value for member in kind)
                raise SMPParameterError(f"{name}: unknown value {value!r}; expected one of {allowed}") from None
        params = cls(**values)
        if not 0.0 < params.stop_fraction < 1.0:
            raise SMPParameterError(f"stop_fraction must be in (0, 1), got {params.stop_fraction}")
        if not 1 <= params.min_steps <= params.max_steps:
            raise SMPParameterError(f"need 1 <= min_steps <= max_steps, got {params.min_steps}, {params.max_steps}")
        return params

    def to_json(self) -> dict[str, Any]:
        return {name: (value.value if isinstance(value, Enum) else value) for name, value in asdict(self).items()}


_ENUMS: dict[str, type[Enum]] = {
    "VictoryProbModel": VictoryProbModel,
    "VotingRule": VotingRule,
    "PCEModel": PCEModel,
    "StateTransitions": StateTransitions,
    "BigRRange": BigRRange,
    "BigRAdjust": BigRAdjust,
    "ThirdPartyCommit": ThirdPartyCommit,
    "InterVecBrgn": InterVecBrgn,
    "BargnModel": BargnModel,
}

#: KTAB's default seed (0xD67CC16FE69C185C), used when a CSV scenario gives none
KTAB_DEFAULT_SEED = 15455440707583219804
