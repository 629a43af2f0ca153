package dev.weir.web.dashboard;

/** A panel of the dashboard's chart pages (a line chart, a table view, a counter), fed by a {@link DashboardSink}. */
public interface DashboardPanel {
    /** The panel's name, unique in this JVM; its page is {@code /charts/<name>}. */
    String name();

    /** What the page shows now, as a JSON-ready record whose {@code kind} says how to draw it. */
    Object snapshot();
}
