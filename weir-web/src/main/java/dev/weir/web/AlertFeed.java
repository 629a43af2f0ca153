package dev.weir.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest alerts a job published for the dashboard's alert panel (the demo's anomaly alerts); keeps the newest
 * {@value #KEPT}. Any job in this JVM may publish: a sink calls {@link #publish(String)}.
 */
public final class AlertFeed {
    static final int KEPT = 200;
    private static final AlertFeed GLOBAL = new AlertFeed();
    private final ArrayDeque<Entry> alerts = new ArrayDeque<>();
    private long published;

    /** One alert: when it was published (wall clock), a sequence number, and its text. */
    public record Entry(long seq, long time, String text) {
    }

    public static AlertFeed global() {
        return GLOBAL;
    }

    public synchronized void publish(String text) {
        alerts.addLast(new Entry(++published, System.currentTimeMillis(), text));
        if (alerts.size() > KEPT) {
            alerts.removeFirst();
        }
    }

    /** The kept alerts, oldest first. */
    public synchronized List<Entry> latest() {
        return new ArrayList<>(alerts);
    }

    /** How many alerts were published in all. */
    public synchronized long published() {
        return published;
    }
}
