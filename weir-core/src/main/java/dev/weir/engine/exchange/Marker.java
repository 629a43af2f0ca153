package dev.weir.engine.exchange;

/**
 * A control item travelling in-band between records: the marker takes the place of the record's value and the
 * slot's timestamp field carries its argument. Being a runtime-internal enum, no user record can be mistaken for
 * a marker, and telling them apart costs one type check.
 */
public enum Marker {
    /** The timestamp field carries the watermark. */
    WATERMARK,
    /** The channel stopped producing watermarks; the timestamp field is unused. */
    IDLE,
    /** The channel resumed producing watermarks; the timestamp field is unused. */
    ACTIVE,
    /** The producer will send nothing more on this channel; the timestamp field is unused. */
    END_OF_INPUT,
    /** A checkpoint barrier; the timestamp field carries the checkpoint id. */
    BARRIER;

    /** The value of the timestamp field of markers that carry no argument. */
    public static final long NO_ARGUMENT = Long.MIN_VALUE;
}
