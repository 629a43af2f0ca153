package dev.weir.api.common.restartstrategy;

import dev.weir.plan.CheckpointSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a job does when a task fails, as in Flink: give up ({@link #noRestart()}), or cancel every task, restore the
 * latest completed checkpoint and continue — a fixed number of times, with exponentially growing delays, or as long
 * as failures stay under a rate.
 */
public final class RestartStrategies {
    private RestartStrategies() {
    }

    public static RestartStrategyConfiguration noRestart() {
        return new RestartStrategyConfiguration("none", Map.of());
    }

    public static RestartStrategyConfiguration fixedDelayRestart(int restartAttempts, Duration delayBetweenAttempts) {
        if (restartAttempts < 0) {
            throw new IllegalArgumentException("restartAttempts must not be negative, was " + restartAttempts);
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CheckpointSettings.RESTART_ATTEMPTS, Integer.toString(restartAttempts));
        s.put(CheckpointSettings.RESTART_DELAY, Long.toString(delayBetweenAttempts.toMillis()));
        return new RestartStrategyConfiguration("fixed-delay", s);
    }

    /** Flink 1.x form with milliseconds. */
    public static RestartStrategyConfiguration fixedDelayRestart(int restartAttempts, long delayMillis) {
        return fixedDelayRestart(restartAttempts, Duration.ofMillis(delayMillis));
    }

    public static RestartStrategyConfiguration exponentialDelayRestart(Duration initialBackoff, Duration maxBackoff,
                                                                       double backoffMultiplier, int maxAttempts) {
        if (backoffMultiplier < 1) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, was " + backoffMultiplier);
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CheckpointSettings.RESTART_ATTEMPTS, Integer.toString(maxAttempts));
        s.put(CheckpointSettings.RESTART_DELAY, Long.toString(initialBackoff.toMillis()));
        s.put(CheckpointSettings.RESTART_MAX_DELAY, Long.toString(maxBackoff.toMillis()));
        s.put(CheckpointSettings.RESTART_BACKOFF_MULTIPLIER, Double.toString(backoffMultiplier));
        return new RestartStrategyConfiguration("exponential-delay", s);
    }

    public static RestartStrategyConfiguration failureRateRestart(int failureRate, Duration failureInterval, Duration delayInterval) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CheckpointSettings.RESTART_ATTEMPTS, Integer.toString(failureRate));
        s.put(CheckpointSettings.RESTART_FAILURE_RATE_INTERVAL, Long.toString(failureInterval.toMillis()));
        s.put(CheckpointSettings.RESTART_DELAY, Long.toString(delayInterval.toMillis()));
        return new RestartStrategyConfiguration("failure-rate", s);
    }

    /** A chosen restart strategy, as configuration settings. */
    public static final class RestartStrategyConfiguration implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String type;
        private final Map<String, String> settings;

        RestartStrategyConfiguration(String type, Map<String, String> settings) {
            this.type = type;
            this.settings = Map.copyOf(settings);
        }

        public String getType() {
            return type;
        }

        /** The strategy in Flink's configuration keys. */
        public Map<String, String> toSettings() {
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.put(CheckpointSettings.RESTART_STRATEGY, type);
            return all;
        }

        @Override
        public String toString() {
            return "RestartStrategy{" + toSettings() + "}";
        }
    }
}
