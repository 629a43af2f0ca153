package dev.weir.sql.runtime.join;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.sql.connector.LookupFunction;
import dev.weir.sql.connector.LookupOptions;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.List;

/**
 * A processing-time lookup join ({@code FOR SYSTEM_TIME AS OF o.proc_time}), as Flink's: each left row's key is
 * looked up in the table as it is now, through a {@link PartialLookupCache} when the table has one (its clock is the
 * task's processing time), and the row is joined with every found row that satisfies the rest of the ON clause; a
 * left join emits the row padded with nulls when none does. A key with a NULL field matches nothing. The output keeps
 * the left row's change kind. There is no state: rows of the table changed later do not change emitted results.
 */
public final class LookupJoinFunction extends ProcessFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final LookupFunction lookup;
    private final LookupOptions options;
    private final Expr[] leftKeys;
    private final boolean leftOuter;
    private final JoinedRow joined;
    private transient PartialLookupCache cache;
    private transient Row probe;

    /** {@code condition} is the rest of the ON clause over the joined row (left columns, then the table's), or null. */
    public LookupJoinFunction(LookupFunction lookup, LookupOptions options, Expr[] leftKeys, boolean leftOuter, int leftArity,
            int rightArity, Expr condition) {
        this.lookup = lookup;
        this.options = options;
        this.leftKeys = leftKeys.clone();
        this.leftOuter = leftOuter;
        this.joined = new JoinedRow(leftArity, rightArity, condition);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        lookup.open();
        cache = options.cached() ? new PartialLookupCache(options.maxRows(), options.expireAfterWriteMillis(),
                options.expireAfterAccessMillis(), options.cacheMissingKey()) : null;
        probe = new Row(leftKeys.length);
    }

    @Override
    public void processElement(Row left, Context ctx, Collector<Row> out) throws Exception {
        boolean nullKey = false;
        for (int i = 0; i < leftKeys.length; i++) {
            Object value = leftKeys[i].eval(left);
            nullKey |= value == null;
            probe.setField(i, value);
        }
        List<Row> rows = nullKey ? List.of() : rowsOf(ctx.timerService().currentProcessingTime());
        RowKind kind = left.getKind();
        boolean matched = false;
        for (int i = 0; i < rows.size(); i++) {
            Row right = rows.get(i);
            if (joined.matches(left, right, true)) {
                out.collect(joined.of(kind, left, right, true));
                matched = true;
            }
        }
        if (!matched && leftOuter) {
            out.collect(joined.of(kind, left, null, true));
        }
    }

    /** The table's rows with the probe's key: from the cache while fresh, else looked up (the probe is copied to cache it). */
    private List<Row> rowsOf(long now) throws Exception {
        if (cache == null) {
            return lookup.lookup(probe, now);
        }
        List<Row> rows = cache.get(probe, now);
        if (rows == null) {
            Row key = Row.copy(probe);
            rows = lookup.lookup(key, now);
            cache.put(key, rows, now);
        }
        return rows;
    }

    @Override
    public void close() throws Exception {
        lookup.close();
    }

    /** How many keys the cache holds (tests). */
    int cachedKeys() {
        return cache == null ? 0 : cache.size();
    }
}
