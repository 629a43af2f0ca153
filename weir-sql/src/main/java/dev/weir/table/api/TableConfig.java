package dev.weir.table.api;

import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.Configuration;
import dev.weir.util.TimeUtils;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code table.*} options of a {@link TableEnvironment}, as in Flink. Weir reads {@code table.local-time-zone}
 * (default UTC, where Flink defaults to the JVM's zone; set it explicitly to match Flink) and
 * {@code parallelism.default} and {@code table.exec.state.ttl} (joins' state); other options are kept and, where Weir
 * has no such knob (mini-batch), logged once as ignored when a job is planned.
 */
public final class TableConfig {
    public static final String LOCAL_TIME_ZONE = "table.local-time-zone";
    private static final String STATE_TTL = "table.exec.state.ttl";

    private final Configuration configuration = new Configuration();

    /** Sets option {@code key} to {@code value}; the value is checked when a job reads it. */
    public TableConfig set(String key, String value) {
        configuration.setString(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public <T> TableConfig set(ConfigOption<T> option, T value) {
        configuration.set(option, value);
        return this;
    }

    public <T> T get(ConfigOption<T> option) {
        return configuration.get(option);
    }

    /** Every option set so far. */
    public Configuration getConfiguration() {
        return configuration;
    }

    public void addConfiguration(Configuration other) {
        configuration.addAll(other);
    }

    /** The zone TIMESTAMP_LTZ values are shown and converted in; {@code UTC} unless set. */
    public ZoneId getLocalTimeZone() {
        String zone = configuration.getString(LOCAL_TIME_ZONE, "UTC");
        try {
            return "default".equals(zone) ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new ValidationException("Invalid time zone '" + zone + "' in option '" + LOCAL_TIME_ZONE
                    + "'; use a zone id such as 'UTC', 'Europe/Berlin' or '+08:00'", e);
        }
    }

    public void setLocalTimeZone(ZoneId zone) {
        configuration.setString(LOCAL_TIME_ZONE, zone.getId());
    }

    /** A config of its own, with no option set: what a new environment starts from. */
    public static TableConfig getDefault() {
        return new TableConfig();
    }

    /** The value of {@code option} if it was set. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        return configuration.getOptional(option);
    }

    /**
     * How long the state of a key that was not updated is kept ({@code table.exec.state.ttl}): by joins and group
     * aggregates; {@link Duration#ZERO}, the default, keeps it forever.
     */
    public Duration getIdleStateRetention() {
        String ttl = configuration.getString(STATE_TTL, null);
        if (ttl == null) {
            return Duration.ZERO;
        }
        try {
            return TimeUtils.parseDuration(ttl);
        } catch (RuntimeException e) {
            throw new ValidationException("Invalid duration '" + ttl + "' in option '" + STATE_TTL + "'; write e.g. '1 h', "
                    + "'30 min', '10 s' or '0' (keep state forever)", e);
        }
    }

    /** Sets {@code table.exec.state.ttl}; {@link Duration#ZERO} keeps idle state forever. */
    public void setIdleStateRetention(Duration duration) {
        if (Objects.requireNonNull(duration, "duration").isNegative()) {
            throw new ValidationException("The idle state retention must not be negative, was " + duration);
        }
        configuration.setString(STATE_TTL, TimeUtils.formatWithHighestUnit(duration));
    }
}
