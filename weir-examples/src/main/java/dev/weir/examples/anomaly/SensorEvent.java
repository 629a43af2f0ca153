package dev.weir.examples.anomaly;

/** A sensor reading: which sensor, when it was measured (event time, epoch millis), and the value. */
public record SensorEvent(int sensorId, long timestamp, double value) {
}
