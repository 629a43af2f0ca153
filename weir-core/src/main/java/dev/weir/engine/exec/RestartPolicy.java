package dev.weir.engine.exec;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.plan.CheckpointSettings;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Decides whether a failed job restarts and after how long, from Flink's restart-strategy settings: none,
 * fixed-delay, exponential-delay or failure-rate. A job with checkpointing and no strategy restarts without limit
 * after one second (Flink's default); a job without checkpointing does not restart.
 */
final class RestartPolicy {
    private final String type;
    private final int attempts;
    private final long delay;
    private final long maxDelay;
    private final double multiplier;
    private final long failureInterval;
    private final ArrayDeque<Long> recentFailures = new ArrayDeque<>();
    private int restarts;
    private long nextDelay;

    private RestartPolicy(String type, int attempts, long delay, long maxDelay, double multiplier, long failureInterval) {
        this.type = type;
        this.attempts = attempts;
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.failureInterval = failureInterval;
        this.nextDelay = delay;
    }

    static RestartPolicy from(Map<String, String> settings, boolean checkpointing) {
        String type = settings.getOrDefault(CheckpointSettings.RESTART_STRATEGY, checkpointing ? "fixed-delay" : "none");
        int attempts = (int) number(settings, CheckpointSettings.RESTART_ATTEMPTS, Integer.MAX_VALUE);
        long delay = number(settings, CheckpointSettings.RESTART_DELAY, 1000);
        long maxDelay = number(settings, CheckpointSettings.RESTART_MAX_DELAY, 5 * 60_000);
        String multiplierSetting = settings.get(CheckpointSettings.RESTART_BACKOFF_MULTIPLIER);
        // Parsed only when set: the JDK's decimal parser loads nine classes on every job start otherwise.
        double multiplier = multiplierSetting == null ? 2.0 : Double.parseDouble(multiplierSetting);
        long interval = number(settings, CheckpointSettings.RESTART_FAILURE_RATE_INTERVAL, 60_000);
        return switch (type) {
            case "none", "fixed-delay", "exponential-delay", "failure-rate" -> new RestartPolicy(type, attempts, delay, maxDelay, multiplier, interval);
            default -> throw new InvalidProgramException("Unknown restart strategy '" + type
                    + "': use none, fixed-delay, exponential-delay or failure-rate (RestartStrategies.*)");
        };
    }

    private static long number(Map<String, String> settings, String key, long defaultValue) {
        String v = settings.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidProgramException("Setting '" + key + "' must be a whole number, was '" + v + "'");
        }
    }

    /** Records a failure at {@code now}; returns the delay before the restart, or -1 when the job must fail. */
    long onFailure(long now) {
        switch (type) {
            case "none" -> {
                return -1;
            }
            case "fixed-delay" -> {
                return restarts++ < attempts ? delay : -1;
            }
            case "exponential-delay" -> {
                if (restarts++ >= attempts) {
                    return -1;
                }
                long d = nextDelay;
                nextDelay = Math.min(maxDelay, (long) (nextDelay * multiplier));
                return d;
            }
            default -> {
                recentFailures.addLast(now);
                while (!recentFailures.isEmpty() && recentFailures.peekFirst() < now - failureInterval) {
                    recentFailures.removeFirst();
                }
                return recentFailures.size() <= attempts ? delay : -1;
            }
        }
    }

    @Override
    public String toString() {
        return type;
    }
}
