package dev.weir.streaming.api.functions.source;

import dev.weir.api.common.functions.Function;
import dev.weir.streaming.api.watermark.Watermark;

/**
 * Flink 1.x's legacy source, read with {@code env.addSource(fn)}: {@link #run} runs on a thread of its own and emits
 * through its {@link SourceContext} until it returns (bounded input: the stream ends with a final
 * {@code Long.MAX_VALUE} watermark) or until {@link #cancel()} is called from another thread. A source that is not a
 * {@link ParallelSourceFunction} runs at parallelism 1.
 *
 * <p>Exactly-once: a source that also implements {@code CheckpointedFunction} is snapshotted while Weir holds
 * {@link SourceContext#getCheckpointLock()}, so emitting an element and updating the state it is counted in, both
 * inside {@code synchronized (ctx.getCheckpointLock())}, happen on one side of every checkpoint.
 *
 * <pre>{@code
 * class Counter implements SourceFunction<Long> {
 *     private volatile boolean running = true;
 *     public void run(SourceContext<Long> ctx) {
 *         for (long i = 0; running && i < 1000; i++) {
 *             synchronized (ctx.getCheckpointLock()) { ctx.collect(i); }
 *         }
 *     }
 *     public void cancel() { running = false; }
 * }
 * }</pre>
 *
 * @deprecated as in Flink 1.x; new sources implement {@code dev.weir.api.connector.source.Source}.
 */
@Deprecated
public interface SourceFunction<T> extends Function {
    /** Emits the elements; returns when the input is exhausted, or soon after {@link #cancel()}. */
    void run(SourceContext<T> ctx) throws Exception;

    /**
     * Asks {@link #run} to return; called from another thread than {@code run}'s, typically by flipping a volatile
     * flag. Weir also interrupts the source's thread afterwards, to end a sleep or a blocking read.
     */
    void cancel();

    /** Where a {@link SourceFunction} emits elements, timestamps and watermarks. */
    interface SourceContext<T> {
        /** Emits an element without a timestamp; a timestamp assigner downstream may give it one. */
        void collect(T element);

        /** Emits an element with its event-time timestamp. */
        void collectWithTimestamp(T element, long timestamp);

        /** Declares that no element with a timestamp at or below the watermark's follows. */
        void emitWatermark(Watermark mark);

        /** Marks this source idle until it emits again, so that it does not hold back the watermark downstream. */
        void markAsTemporarilyIdle();

        /** The lock Weir holds while it snapshots the source; emit and update state under it for exactly-once. */
        Object getCheckpointLock();

        /** Called by the runtime when the source ends; emitting afterwards is an error. */
        void close();
    }
}
