package dev.weir.connector.base;

import dev.weir.connector.kafka.sink.KafkaSink;

/** What a {@link KafkaSink} promises about each element after failures, as Flink's {@code DeliveryGuarantee}. */
public enum DeliveryGuarantee {
    /** Records are sent and forgotten: a failure may lose the ones not yet acknowledged. */
    NONE,
    /** Every checkpoint waits for all records sent before it: none is lost, some may be written twice after a failure. */
    AT_LEAST_ONCE,
    /** Records become visible to {@code read_committed} consumers exactly once, when the checkpoint that covers them completes. */
    EXACTLY_ONCE
}
