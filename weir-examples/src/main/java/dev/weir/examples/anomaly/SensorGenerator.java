package dev.weir.examples.anomaly;

import dev.weir.connector.datagen.source.GeneratorFunction;

/**
 * Generates the readings of {@code sensors} sensors as a pure function of the event index, so a seed fixes the whole
 * stream. Reading {@code i} belongs to sensor {@code i % sensors}; each sensor reads once per {@code periodMillis} of
 * event time. Values are the sensor's level plus bounded noise (never beyond ±1.8 σ of the noise); arrival is out of
 * order by up to {@code maxDelayMillis}; a few readings arrive late (by {@link #LATE_BY_MILLIS}); a few are anomalies
 * twelve noise amplitudes away from the level. Anomalies and late readings start after a warm-up, and never coincide.
 */
public final class SensorGenerator implements GeneratorFunction<Long, SensorEvent> {
    private static final long serialVersionUID = 1L;
    /** How late a late reading arrives: far more than the bounded delay, so its windows have long fired. */
    public static final long LATE_BY_MILLIS = 10 * 60_000L;
    /** Readings per sensor before anomalies and late readings start, so the first windows have data. */
    static final long WARM_UP_ROUNDS = 120;
    private static final double NOISE = 1.0;
    private static final double ANOMALY = 12 * NOISE;

    private final long seed;
    private final int sensors;
    private final long startMillis;
    private final long periodMillis;
    private final long maxDelayMillis;
    private final int anomalyOneIn;
    private final int lateOneIn;

    public SensorGenerator(long seed, int sensors, long startMillis, long periodMillis, long maxDelayMillis, int anomalyOneIn, int lateOneIn) {
        if (sensors <= 0 || periodMillis <= 0 || maxDelayMillis < 0 || anomalyOneIn <= 1 || lateOneIn <= 1) {
            throw new IllegalArgumentException("sensors and periodMillis must be positive, maxDelayMillis not negative, "
                    + "anomalyOneIn and lateOneIn above 1; got " + sensors + ", " + periodMillis + ", " + maxDelayMillis
                    + ", " + anomalyOneIn + ", " + lateOneIn);
        }
        this.seed = seed;
        this.sensors = sensors;
        this.startMillis = startMillis;
        this.periodMillis = periodMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.anomalyOneIn = anomalyOneIn;
        this.lateOneIn = lateOneIn;
    }

    @Override
    public SensorEvent map(Long index) {
        long i = index;
        int sensor = (int) (i % sensors);
        long round = i / sensors;
        long ts = startMillis + round * periodMillis - delay(i);
        double level = 20 + 5 * sensor;
        double value = isAnomaly(i) ? level + (unit(i, 3) < 0.5 ? ANOMALY : -ANOMALY) : level + NOISE * (2 * unit(i, 2) - 1) * Math.sqrt(3);
        return new SensorEvent(sensor, ts, value);
    }

    /** Whether reading {@code i} is an injected anomaly. */
    public boolean isAnomaly(long i) {
        return i / sensors >= WARM_UP_ROUNDS && !isLate(i) && (long) (unit(i, 4) * anomalyOneIn) == 0;
    }

    /** Whether reading {@code i} arrives late, after the watermark passed it. */
    public boolean isLate(long i) {
        return i / sensors >= WARM_UP_ROUNDS && (long) (unit(i, 5) * lateOneIn) == 0;
    }

    private long delay(long i) {
        return isLate(i) ? LATE_BY_MILLIS : (long) (unit(i, 1) * (maxDelayMillis + 1));
    }

    /** A uniform number in [0, 1) from (seed, i, stream): SplitMix64, so each reading's draws are independent. */
    private double unit(long i, int stream) {
        long z = seed + i * 0x9E3779B97F4A7C15L + stream * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
