package dev.weir.sql.match;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.sql.runtime.RowsAwaitingWatermark;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * MATCH_RECOGNIZE ... ONE ROW PER MATCH on one partition key: rows wait in keyed state until the watermark passes
 * their time (late rows are dropped, as Flink drops them), then enter the key's match rows in time order; after each,
 * the pattern is searched from the earliest row that may still start a match, and every decided match leaves as one
 * row of the PARTITION BY columns and the MEASURES. The rows kept are those from that earliest start on: what a partial
 * match still needs, all of it in keyed state, so checkpoints and restores hold it on the heap and on RocksDB.
 */
public final class MatchRecognizeFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int rowtimeIndex;
    private final int[] partitionColumns;
    private final MatchPattern pattern;
    private final MatchExpression[] measures;
    private transient RowsAwaitingWatermark pending;
    private transient ValueState<Row[]> kept;
    private transient MatchRows rows;

    public MatchRecognizeFunction(int rowtimeIndex, int[] partitionColumns, MatchPattern pattern, MatchExpression[] measures) {
        this.rowtimeIndex = rowtimeIndex;
        this.partitionColumns = partitionColumns;
        this.pattern = pattern;
        this.measures = measures;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = new RowsAwaitingWatermark(getRuntimeContext(), "match");
        kept = getRuntimeContext().getState(new ValueStateDescriptor<>("match-rows", Row[].class));
        rows = new MatchRows();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        pending.add(input, rowtimeIndex, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row[] due = pending.take(timestamp);
        if (due == null) {
            return;
        }
        rows.clear();
        Row[] before = kept.value();
        if (before != null) {
            for (Row row : before) {
                rows.add(row);
            }
        }
        int from = 0;
        for (Row row : due) {
            rows.add(row);
            while (from < rows.size()) {
                int found = pattern.search(rows, from, rowtimeIndex);
                if (found == MatchPattern.UNDECIDED) {
                    break;
                }
                if (found == MatchPattern.NO_MATCH) {
                    from++;
                    continue;
                }
                out.collect(output(from, pattern.end()));
                from = pattern.next(rows, from);
            }
        }
        rows.dropBefore(Math.min(from, rows.size()));
        if (rows.size() == 0) {
            kept.clear();
        } else {
            kept.update(rows.asList().toArray(new Row[0]));
        }
        rows.clear();
    }

    private Row output(int start, int end) {
        Row out = new Row(partitionColumns.length + measures.length);
        Row first = rows.row(start);
        for (int i = 0; i < partitionColumns.length; i++) {
            out.setField(i, first.getField(partitionColumns[i]));
        }
        for (int i = 0; i < measures.length; i++) {
            out.setField(partitionColumns.length + i, measures[i].eval(rows, start, end));
        }
        return out;
    }
}
