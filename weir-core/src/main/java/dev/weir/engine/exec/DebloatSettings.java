package dev.weir.engine.exec;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.engine.exchange.RecordRing;
import dev.weir.engine.exchange.RingDebloater;
import dev.weir.util.TimeUtils;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Buffer debloating of the exchange, set with Flink's keys {@code taskmanager.network.memory.buffer-debloat.*} and
 * Weir's meaning: each consuming task limits each of its input channels to the records it drains in {@code target}
 * (all channels together), at least {@value RingDebloater#DEFAULT_FLOOR} records a channel and at most
 * {@code weir.exchange.capacity}. Flink sizes network buffers in bytes and switches this off by default with a 1 s
 * target; Weir's channels hold records by reference, and it is on by default with a target of 20 ms (a period of 50 ms
 * and 5 samples), so a checkpoint barrier or a watermark waits behind about 20 ms of a slow consumer's work (a RocksDB
 * read-modify-write per record) instead of a full channel, while a fast consumer keeps its full channels.
 */
record DebloatSettings(boolean enabled, Duration target, Duration period, int samples) {
    static final String PREFIX = "taskmanager.network.memory.buffer-debloat.";
    static final String ENABLED = PREFIX + "enabled";
    static final String TARGET = PREFIX + "target";
    static final String PERIOD = PREFIX + "period";
    static final String SAMPLES = PREFIX + "samples";
    /** Accepted and not used: Weir sets a channel's limit with one memory write, so small changes cost nothing. */
    static final String THRESHOLD = PREFIX + "threshold-percentages";
    static final Set<String> KEYS = Set.of(ENABLED, TARGET, PERIOD, SAMPLES, THRESHOLD);

    static final DebloatSettings DEFAULT = new DebloatSettings(true, Duration.ofMillis(20), Duration.ofMillis(50), 5);

    static DebloatSettings from(Map<String, String> settings) {
        String enabled = settings.getOrDefault(ENABLED, String.valueOf(DEFAULT.enabled)).trim();
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new InvalidProgramException("Setting '" + ENABLED + "' must be true or false, was '" + enabled + "'");
        }
        int samples = RuntimeSettings.positive(settings, SAMPLES, DEFAULT.samples);
        return new DebloatSettings(Boolean.parseBoolean(enabled), duration(settings, TARGET, DEFAULT.target),
                duration(settings, PERIOD, DEFAULT.period), samples);
    }

    private static Duration duration(Map<String, String> settings, String key, Duration defaultValue) {
        String text = settings.get(key);
        if (text == null) {
            return defaultValue;
        }
        Duration d;
        try {
            d = TimeUtils.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidProgramException("Setting '" + key + "' must be a duration such as '1 ms', was '" + text + "'", e);
        }
        if (d.isNegative() || d.isZero()) {
            throw new InvalidProgramException("Setting '" + key + "' must be a positive duration, was '" + text + "'");
        }
        return d;
    }

    /** The debloater of a task consuming {@code inputs}, or null when debloating is off or the task has no input. */
    RingDebloater debloaterOf(RecordRing[] inputs) {
        if (!enabled || inputs.length == 0) {
            return null;
        }
        return new RingDebloater(inputs, target.toNanos(), period.toNanos(), samples, RingDebloater.DEFAULT_FLOOR,
                System::nanoTime);
    }
}
