"""The spatial model of politics (SMP), compatible with KAPSARC's KTAB: same options, same results."""

from accord.forecast.smp.model import SMP
from accord.forecast.smp.params import SMPParameterError, SMPParams
from accord.forecast.smp.readers import Scenario, SMPInputError, read_csv, read_scenario, read_xml

__all__ = [
    "SMP",
    "SMPParams",
    "SMPParameterError",
    "Scenario",
    "SMPInputError",
    "read_csv",
    "read_scenario",
    "read_xml",
]
