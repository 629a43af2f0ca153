package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.time.Time;
import java.time.Duration;
import java.util.Objects;

/** Converts the assigners' size arguments to milliseconds, refusing nulls with the argument's name. */
final class Durations {
    private Durations() {
    }

    static long millis(Duration duration, String what) {
        return Objects.requireNonNull(duration, what).toMillis();
    }

    static long millis(Time time, String what) {
        return Objects.requireNonNull(time, what).toMilliseconds();
    }
}
