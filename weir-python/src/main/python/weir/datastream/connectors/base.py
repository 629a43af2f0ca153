"""PyFlink's ``pyflink.datastream.connectors.base``: what sinks guarantee."""


class DeliveryGuarantee:
    """How often a sink writes each record when the job recovers: ``EXACTLY_ONCE`` (Kafka transactions, committed
    with checkpoints), ``AT_LEAST_ONCE`` or ``NONE``."""
    EXACTLY_ONCE = "EXACTLY_ONCE"
    AT_LEAST_ONCE = "AT_LEAST_ONCE"
    NONE = "NONE"
