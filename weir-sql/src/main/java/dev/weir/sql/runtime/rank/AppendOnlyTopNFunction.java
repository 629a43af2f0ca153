package dev.weir.sql.runtime.rank;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Top-N of an insert-only input per partition key ({@code ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) <= N}), as
 * Flink's append-only rank runs it: the key's best N rows, in order (ties in arrival order), are keyed state; a row
 * that is not better than the N-th of a full list is dropped. Output rows are the input row with the row number
 * appended. With the row number in the result, every row whose rank changed is updated ({@code -U} the row that held
 * the rank, {@code +U} its new holder) and a rank newly filled is inserted; without it, the row pushed out is deleted
 * and the new row inserted.
 */
public final class AppendOnlyTopNFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final SortKeyComparator order;
    private final long n;
    private final boolean withRowNumber;
    private transient ValueState<Row[]> topRows;

    public AppendOnlyTopNFunction(SortKeyComparator order, long n, boolean withRowNumber) {
        this.order = order;
        this.n = n;
        this.withRowNumber = withRowNumber;
    }

    @Override
    public void open(OpenContext openContext) {
        topRows = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-top-n-rows", Row[].class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Row[] stored = topRows.value();
        List<Row> rows = stored == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(stored));
        int position = Collections.binarySearch(rows, input, (a, b) -> order.compare(a, b) <= 0 ? -1 : 1);
        position = -position - 1; // after every row that sorts before or equal to the input
        if (position >= n) {
            return;
        }
        Row row = Row.copy(input);
        row.setKind(RowKind.INSERT);
        rows.add(position, row);
        if (withRowNumber) {
            int rank = position + 1;
            while (rank <= n && rank < rows.size()) {
                out.collect(ranked(RowKind.UPDATE_BEFORE, rows.get(rank), rank));
                out.collect(ranked(RowKind.UPDATE_AFTER, rows.get(rank - 1), rank));
                rank++;
            }
            if (rank <= n) {
                out.collect(ranked(RowKind.INSERT, rows.get(rank - 1), rank));
            }
        } else {
            if (rows.size() > n) {
                out.collect(ranked(RowKind.DELETE, rows.get(rows.size() - 1), 0));
            }
            out.collect(ranked(RowKind.INSERT, row, 0));
        }
        while (rows.size() > n) {
            rows.remove(rows.size() - 1);
        }
        topRows.update(rows.toArray(new Row[0]));
    }

    private Row ranked(RowKind kind, Row row, long rank) {
        return RankedRows.ranked(kind, row, rank, withRowNumber);
    }
}
