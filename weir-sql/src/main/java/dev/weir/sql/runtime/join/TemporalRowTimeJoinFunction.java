package dev.weir.sql.runtime.join;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event-time temporal join against a versioned table ({@code FOR SYSTEM_TIME AS OF o.rowtime}), as Flink's
 * {@code TemporalRowTimeJoinOperator}: per join key, the left rows wait in state until the watermark passes their
 * time; then, in time order, each is joined with the table's version valid at that time (the latest one whose own
 * time is not after it), or, in a left join, padded with nulls when there is none or it is a deletion. The versions
 * arrive on the right input as a changelog; {@code -U} rows are ignored (a version is replaced by its {@code +U}) and a
 * {@code -D} ends the key's validity from its time on. After each firing, versions that no left row can use any more
 * (older than the latest one at the watermark) are removed, so a key's state holds one version plus those not yet
 * reached by the watermark. A key compared with {@code =} that has a NULL field matches no version. Output rows are
 * inserts ({@code +I}).
 */
public final class TemporalRowTimeJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean leftOuter;
    private final boolean[] nullKeysNeverMatch;
    private final int leftTimeIndex;
    private final int rightTimeIndex;
    private final JoinedRow joined;
    private transient MapState<Long, List<Row>> leftRows;
    private transient MapState<Long, Row> versions;

    /**
     * {@code nullKeysNeverMatch[i]}: key column i is compared with {@code =}; {@code condition} is the rest of the ON
     * clause over the joined row, or null; times are columns of each side.
     */
    public TemporalRowTimeJoinFunction(boolean leftOuter, boolean[] nullKeysNeverMatch, int leftArity, int rightArity,
            int leftTimeIndex, int rightTimeIndex, Expr condition) {
        this.leftOuter = leftOuter;
        this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
        this.leftTimeIndex = leftTimeIndex;
        this.rightTimeIndex = rightTimeIndex;
        this.joined = new JoinedRow(leftArity, rightArity, condition);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OpenContext openContext) {
        leftRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("sql-temporal-join-left",
                Long.class, (Class<List<Row>>) (Class<?>) List.class));
        versions = getRuntimeContext().getMapState(new MapStateDescriptor<>("sql-temporal-join-versions", Long.class, Row.class));
    }

    @Override
    public void processElement1(Row left, Context ctx, Collector<Row> out) throws Exception {
        Object time = left.getField(leftTimeIndex);
        if (time == null) {
            return; // a row without event time is never joined, as in Flink (its time attribute is NOT NULL there)
        }
        long t = ((Number) time).longValue();
        List<Row> waiting = leftRows.get(t);
        if (waiting == null) {
            waiting = new ArrayList<>(1);
        }
        waiting.add(left);
        leftRows.put(t, waiting);
        ctx.timerService().registerEventTimeTimer(t);
    }

    @Override
    public void processElement2(Row version, Context ctx, Collector<Row> out) throws Exception {
        if (version.getKind() == RowKind.UPDATE_BEFORE || hasNullKey(ctx.getCurrentKey())) {
            return;
        }
        Object time = version.getField(rightTimeIndex);
        if (time == null) {
            return;
        }
        long t = ((Number) time).longValue();
        versions.put(t, version);
        // A timer at the version's time also cleans versions of keys that see no left rows.
        ctx.timerService().registerEventTimeTimer(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        boolean nullKey = hasNullKey(ctx.getCurrentKey());
        TreeMap<Long, Row> byTime = new TreeMap<>();
        for (Map.Entry<Long, Row> e : versions.entries()) {
            byTime.put(e.getKey(), e.getValue());
        }
        TreeMap<Long, List<Row>> due = new TreeMap<>();
        for (Map.Entry<Long, List<Row>> e : leftRows.entries()) {
            if (e.getKey() <= watermark) {
                due.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<Long, List<Row>> e : due.entrySet()) {
            Map.Entry<Long, Row> valid = byTime.floorEntry(e.getKey());
            Row version = nullKey || valid == null || valid.getValue().getKind() == RowKind.DELETE ? null : valid.getValue();
            for (Row left : e.getValue()) {
                if (version != null && joined.matches(left, version, true)) {
                    out.collect(joined.of(RowKind.INSERT, left, version, true));
                } else if (leftOuter) {
                    out.collect(joined.of(RowKind.INSERT, left, null, true));
                }
            }
            leftRows.remove(e.getKey());
        }
        Long current = byTime.floorKey(watermark);
        if (current != null) {
            for (Long older : byTime.headMap(current, false).keySet()) {
                versions.remove(older);
            }
            if (byTime.get(current).getKind() == RowKind.DELETE) {
                versions.remove(current); // nothing is valid from a deletion on until a later version
            }
        }
    }

    private boolean hasNullKey(Row key) {
        for (int i = 0; i < nullKeysNeverMatch.length; i++) {
            if (nullKeysNeverMatch[i] && key.getField(i) == null) {
                return true;
            }
        }
        return false;
    }
}
