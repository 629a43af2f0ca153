package dev.weir.connector.kafka.source;

/** Where a partition without a committed offset starts, for {@link OffsetsInitializer#committedOffsets(OffsetResetStrategy)}. */
public enum OffsetResetStrategy {
    EARLIEST,
    LATEST,
    /** Fail: every partition must have a committed offset. */
    NONE
}
