package dev.weir.engine.status;

/**
 * One reading of a subtask's counters. Rates are left to the reader, from two samples.
 *
 * @param recordsIn          records the subtask received (for a source: read from outside)
 * @param recordsOut         records it sent to other tasks
 * @param watermark          its current watermark ({@code Long.MIN_VALUE} before the first)
 * @param backpressuredNanos total time its outputs were full
 * @param sampledAtNanos     {@link System#nanoTime()} when read
 */
public record SubtaskSample(int subtask, long recordsIn, long recordsOut, long watermark, long backpressuredNanos,
                            long sampledAtNanos, boolean finished) {
}
