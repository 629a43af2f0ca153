package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * Window joins on the window table functions besides TUMBLE ({@link SqlCases} has those): HOP and CUMULATE, where a
 * row belongs to several windows and joins in each, and SESSION, whose windows each side derives from its own rows.
 */
final class WindowJoinCases {
    private WindowJoinCases() {
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        String on = " ON L.supplier = R.supplier AND L.window_start = R.window_start AND L.window_end = R.window_end";
        String hop = "(SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)) "
                + "WHERE %s) %s";
        q.add(new SqlCases.Query("windowJoinHop", "SELECT L.item, R.item, L.window_start, L.window_end FROM "
                + hop.formatted("price > 3", "L") + " JOIN " + hop.formatted("price <= 3", "R") + on));
        String cumulate = "(SELECT * FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, "
                + "INTERVAL '10' MINUTES)) WHERE %s) %s";
        q.add(new SqlCases.Query("windowJoinCumulateLeft", "SELECT L.item, R.item, L.window_start, L.window_end FROM "
                + cumulate.formatted("price > 3", "L") + " LEFT JOIN " + cumulate.formatted("price <= 3", "R") + on));
        String session = "(SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY supplier, DESCRIPTOR(bidtime), "
                + "INTERVAL '5' MINUTES))) %s";
        q.add(new SqlCases.Query("windowJoinSession", "SELECT L.item, R.item, L.window_start, L.window_end FROM "
                + session.formatted("L") + " JOIN " + session.formatted("R") + on + " AND L.item < R.item"));
        return q;
    }
}
