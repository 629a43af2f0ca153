package dev.weir.examples.anomaly;

import java.time.Instant;
import java.util.Locale;

/** A reading more than three standard deviations away from its sensor's rolling mean. */
public record Alert(int sensorId, long timestamp, double value, double mean, double sigma) {
    /** How many standard deviations the value lies from the mean. */
    public double deviations() {
        return Math.abs(value - mean) / sigma;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ALERT sensor %d at %s: value %.2f, mean %.2f, sigma %.2f (%.1f sigma)",
                sensorId, Instant.ofEpochMilli(timestamp), value, mean, sigma, deviations());
    }
}
