package dev.weir.bench.kafka;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records of the Kafka throughput bench and the job's logic, plain Java shared by both engines' jobs: reading
 * {@code i} is the JSON {@code {"sensor":s,"value":v,"ts":t}} with s and v drawn from SplitMix64 of i; the job parses
 * it, keeps the readings of 25.0 and above (about half), and writes {@code sensor,ts,fahrenheit} as text.
 */
public final class Readings {
    public static final int SENSORS = 1_000;
    public static final double THRESHOLD = 25.0;
    private static final long EPOCH_MILLIS = 1_767_225_600_000L;
    /** When the running job parsed its first record (nanoTime, 0 before); the job's functions are copies, so static. */
    public static final AtomicLong FIRST_PARSED = new AtomicLong();
    /** The worker JVM's process CPU time at {@link #FIRST_PARSED}, so that a run's CPU leaves the job's startup out. */
    public static final AtomicLong FIRST_PARSED_CPU = new AtomicLong();

    private Readings() {
    }

    /** One reading after parsing; public fields and a no-argument constructor, a POJO to both engines. */
    public static final class Reading {
        public int sensor;
        public double value;
        public long ts;

        public Reading() {
        }
    }

    public static String json(long i) {
        long r = splitMix64(i);
        int sensor = (int) ((r >>> 1) % SENSORS);
        double value = 15 + ((r >>> 33) % 2_000) / 100.0;
        return String.format(Locale.ROOT, "{\"sensor\":%d,\"value\":%.2f,\"ts\":%d}", sensor, value, EPOCH_MILLIS + i);
    }

    public static boolean passes(long i) {
        return 15 + ((splitMix64(i) >>> 33) % 2_000) / 100.0 >= THRESHOLD;
    }

    /** Parses what {@link #json} wrote, and notes the first parse of the run. */
    public static Reading parse(String json) {
        if (FIRST_PARSED.get() == 0 && FIRST_PARSED.compareAndSet(0, System.nanoTime())) {
            FIRST_PARSED_CPU.set(processCpuNanos());
        }
        Reading r = new Reading();
        int sensorAt = json.indexOf(':') + 1;
        int valueAt = json.indexOf(':', sensorAt) + 1;
        int tsAt = json.indexOf(':', valueAt) + 1;
        r.sensor = Integer.parseInt(json, sensorAt, json.indexOf(',', sensorAt), 10);
        r.value = Double.parseDouble(json.substring(valueAt, json.indexOf(',', valueAt)));
        r.ts = Long.parseLong(json, tsAt, json.length() - 1, 10);
        return r;
    }

    public static boolean hot(Reading r) {
        return r.value >= THRESHOLD;
    }

    public static String format(Reading r) {
        return r.sensor + "," + r.ts + "," + (r.value * 1.8 + 32);
    }

    /** This JVM's CPU time, all threads, in nanoseconds. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        throw new UnsupportedOperationException("this JVM does not report its process CPU time");
    }

    private static long splitMix64(long i) {
        long z = i * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
