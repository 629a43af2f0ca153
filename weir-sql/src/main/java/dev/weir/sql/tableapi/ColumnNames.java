package dev.weir.sql.tableapi;

import java.util.ArrayList;
import java.util.List;

/**
 * The names Flink's Table API gives the columns of a projection: a column keeps its name, {@code as} names its
 * expression, a cast of a column is {@code a-BIGINT}, a ROW field {@code r$x}; in an aggregating select an aggregate
 * or a group window property is {@code EXPR$k}, k counting the aggregates and window properties in select order; any
 * other expression is {@code _c} and its position.
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    /**
     * The names of {@code selected} (with {@code *} already expanded); {@code aggregating} when the select aggregates
     * (a groupBy, a group window, or aggregates in a plain select).
     */
    public static List<String> of(List<Node> selected, boolean aggregating) {
        List<String> names = new ArrayList<>();
        int[] aggregates = {0};
        for (int i = 0; i < selected.size(); i++) {
            Node node = selected.get(i);
            int first = aggregates[0];
            if (aggregating) {
                countAggregates(node, aggregates);
            }
            names.add(name(node, i, aggregating && isAggregate(node) ? first : -1));
        }
        return names;
    }

    /** Whether {@code node} or one of its arguments aggregates (outside an over window). */
    public static boolean aggregates(Node node) {
        if (node.kind() == Node.Kind.OVER) {
            return false;
        }
        if (node.kind() == Node.Kind.AGGREGATE || node.kind() == Node.Kind.WINDOW_PROPERTY) {
            return true;
        }
        for (Node arg : node.args()) {
            if (aggregates(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAggregate(Node node) {
        Node.Kind kind = node.kind();
        return kind == Node.Kind.AGGREGATE || kind == Node.Kind.WINDOW_PROPERTY
                || kind == Node.Kind.DISTINCT && node.args().get(0).kind() == Node.Kind.AGGREGATE;
    }

    private static void countAggregates(Node node, int[] count) {
        if (node.kind() == Node.Kind.OVER) {
            return;
        }
        if (isAggregate(node)) {
            count[0]++;
            return;
        }
        for (Node arg : node.args()) {
            countAggregates(arg, count);
        }
    }

    private static String name(Node node, int position, int aggregate) {
        switch (node.kind()) {
            case FIELD:
                return node.name();
            case ALIAS:
                return node.aliases().get(0);
            default:
                break;
        }
        if (aggregate >= 0) {
            return "EXPR$" + aggregate;
        }
        if (node.kind() == Node.Kind.CALL && node.type() != null && node.name().equals("cast")
                && node.args().get(0).kind() == Node.Kind.FIELD) {
            return node.args().get(0).name() + "-" + node.type().nullable();
        }
        if (node.kind() == Node.Kind.CALL && node.name().equals("get") && node.args().get(0).kind() == Node.Kind.FIELD
                && node.args().get(1).kind() == Node.Kind.LITERAL) {
            String key = node.args().get(1).name();
            return node.args().get(0).name() + "$" + (key.startsWith("'") ? key.substring(1, key.length() - 1) : key);
        }
        return "_c" + position;
    }
}
