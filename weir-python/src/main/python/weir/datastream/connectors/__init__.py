"""PyFlink's ``pyflink.datastream.connectors``: the sources Weir's Python API offers to ``from_source``."""
from weir.datastream.connectors.number_seq import NumberSequenceSource

__all__ = ["NumberSequenceSource"]
