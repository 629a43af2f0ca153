package dev.weir.examples.anomaly;

/** The mean and standard deviation of one sensor's readings in the window that ends (exclusive) at {@code windowEnd}. */
public record SensorStats(int sensorId, long windowEnd, long count, double mean, double sigma) {
}
