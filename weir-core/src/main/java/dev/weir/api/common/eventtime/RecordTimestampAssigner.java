package dev.weir.api.common.eventtime;

/**
 * A {@link TimestampAssigner} that keeps the timestamp an element arrived with (a Kafka record's, or none), as
 * Flink's: what {@link WatermarkStrategy#createTimestampAssigner} returns unless a strategy assigns its own.
 */
public final class RecordTimestampAssigner<E> implements TimestampAssigner<E> {
    @Override
    public long extractTimestamp(E element, long recordTimestamp) {
        return recordTimestamp;
    }
}
