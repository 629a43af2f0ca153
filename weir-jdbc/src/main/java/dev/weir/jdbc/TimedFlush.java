package dev.weir.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Flushes a sink's buffer every interval on a timer thread, as {@code sink.buffer-flush.interval} asks; a failure of a
 * timed flush is kept and thrown on the sink's own thread at its next call ({@link #throwFailure}).
 */
final class TimedFlush implements AutoCloseable {
    /** A flush that may fail; the sink synchronizes it against its own calls. */
    @FunctionalInterface
    interface Flush {
        void flush() throws Exception;
    }

    private final ScheduledExecutorService timer;
    private final Flush flush;
    private volatile Exception failure;

    private TimedFlush(ScheduledExecutorService timer, Flush flush) {
        this.timer = timer;
        this.flush = flush;
    }

    /** Flushes every {@code intervalMs} on a daemon thread named after the task; none when the interval is 0. */
    static TimedFlush every(long intervalMs, String taskName, Flush flush) {
        if (intervalMs <= 0) {
            return new TimedFlush(null, flush);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jdbc-sink-flush " + taskName);
            t.setDaemon(true);
            return t;
        });
        TimedFlush timed = new TimedFlush(timer, flush);
        timer.scheduleWithFixedDelay(timed::run, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return timed;
    }

    private void run() {
        if (failure != null) {
            return;
        }
        try {
            flush.flush();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Throws the failure of a timed flush, if one failed. */
    void throwFailure() throws Exception {
        Exception e = failure;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
