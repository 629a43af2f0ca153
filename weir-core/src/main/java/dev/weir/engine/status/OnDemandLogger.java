package dev.weir.engine.status;

import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that asks {@link System#getLogger} for the real one only when first used. A static
 * {@code System.getLogger} field loads the platform's logging (about 60 classes of java.util.logging) when its class
 * loads, although a job that runs without trouble never logs; this keeps that cost off every job's startup.
 */
public final class OnDemandLogger implements System.Logger {
    private final String name;
    private volatile System.Logger logger;

    /** A logger named {@code name}, as {@code System.getLogger(name)} would be. */
    public OnDemandLogger(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return logger().isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        logger().log(level, bundle, msg, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        logger().log(level, bundle, format, params);
    }

    private System.Logger logger() {
        System.Logger created = logger;
        if (created == null) {
            // Two threads may both create it; System.getLogger answers both with loggers of the same name.
            created = System.getLogger(name);
            logger = created;
        }
        return created;
    }
}
