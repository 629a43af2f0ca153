package dev.weir.api.common.eventtime;

/** Where a {@link WatermarkGenerator} sends watermarks and idleness. */
public interface WatermarkOutput {
    /** Emits a watermark; one that does not advance the current watermark is ignored. */
    void emitWatermark(Watermark watermark);

    /** Marks this output idle: downstream operators stop waiting for its watermark. */
    void markIdle();

    /** Marks this output active again; emitting an element or a watermark does so too. */
    void markActive();
}
