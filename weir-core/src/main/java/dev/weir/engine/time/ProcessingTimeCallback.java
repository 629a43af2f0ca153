package dev.weir.engine.time;

/** Called when a processing-time timer of a {@link ProcessingTimeService} is due. */
@FunctionalInterface
public interface ProcessingTimeCallback {
    void onProcessingTime(long time) throws Exception;
}
