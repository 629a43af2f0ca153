package dev.weir.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The dashboard panels of this JVM by name: every {@link DashboardSink} writes into the panel of its name (the
 * subtasks of one sink, and several sinks, share it), and the web server's chart pages read them. A panel outlives
 * its job, so a finished job's chart stays on the dashboard.
 */
public final class DashboardPanels {
    private static final DashboardPanels GLOBAL = new DashboardPanels();
    private final Map<String, DashboardPanel> panels = new ConcurrentHashMap<>();

    DashboardPanels() {
    }

    /** The panels every sink of this JVM writes to. */
    public static DashboardPanels global() {
        return GLOBAL;
    }

    /** The panel called {@code name}, or null. */
    public DashboardPanel get(String name) {
        return panels.get(name);
    }

    /** Every panel, by name. */
    public List<DashboardPanel> all() {
        List<DashboardPanel> all = new ArrayList<>(panels.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    /** Removes every panel (tests and a new demo start afresh). */
    public void clear() {
        panels.clear();
    }

    /** The panel {@code name} of {@code type}, created by {@code create} if there is none; another type is refused. */
    <P extends DashboardPanel> P getOrCreate(String name, Class<P> type, Function<String, P> create) {
        DashboardPanel panel = panels.computeIfAbsent(name, create);
        if (!type.isInstance(panel)) {
            throw new IllegalStateException("Dashboard panel '" + name + "' is a " + panel.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName() + "; give each dashboard sink of another kind its own name");
        }
        return type.cast(panel);
    }
}
