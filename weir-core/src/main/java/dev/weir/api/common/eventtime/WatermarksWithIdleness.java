package dev.weir.api.common.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator and marks the output idle when no event arrived for the idle timeout (processing time), so a
 * quiet input does not hold back the watermark downstream.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> delegate;
    private final long idleTimeoutMillis;
    private final LongSupplier clock;
    private long lastActivity;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> delegate, Duration idleTimeout) {
        this(delegate, idleTimeout, System::currentTimeMillis);
    }

    /** With an explicit clock, for tests. */
    public WatermarksWithIdleness(WatermarkGenerator<T> delegate, Duration idleTimeout, LongSupplier clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, was " + idleTimeout);
        }
        this.delegate = delegate;
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.clock = clock;
        this.lastActivity = clock.getAsLong();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        lastActivity = clock.getAsLong();
        if (idle) {
            idle = false;
            output.markActive();
        }
        delegate.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idle) {
            return;
        }
        if (clock.getAsLong() - lastActivity >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        } else {
            delegate.onPeriodicEmit(output);
        }
    }
}
