package dev.weir.sql.runtime.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A partition's rows in rank order across many blocks: the same rows, in the same order, as a plain sorted list. */
class OrderedRowsTest {
    private static final class Value extends Expr {
        private static final long serialVersionUID = 1L;

        @Override
        public Object eval(Row row) {
            return row.getField(0);
        }
    }

    private static final SortKeyComparator ORDER = new SortKeyComparator(new Expr[] {new Value()}, new boolean[] {false},
            new boolean[] {true});

    @Test
    void thousandsOfInsertsAndRemovalsWithManyTiesKeepRankOrderAndArrivalOrderAmongTies() {
        OrderedRows rows = new OrderedRows();
        List<Row> expected = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 10_000; step++) {
            if (expected.isEmpty() || random.nextInt(3) > 0) {
                Row row = Row.of((long) random.nextInt(50), (long) step); // 50 values: ties span blocks
                int at = 0;
                while (at < expected.size() && ORDER.compare(expected.get(at), row) <= 0) {
                    at++;
                }
                assertThat(rows.insertionIndex(row, ORDER, 10)).isEqualTo(Math.min(at, 10));
                rows.insert(row, ORDER);
                expected.add(at, row);
            } else {
                Row victim = expected.get(random.nextInt(expected.size()));
                Row retraction = Row.ofKind(RowKind.UPDATE_BEFORE, victim.getField(0), victim.getField(1));
                int at = expected.indexOf(victim);
                assertThat(rows.indexOf(retraction, ORDER, 10)).isEqualTo(Math.min(at, 10));
                assertThat(rows.remove(retraction, ORDER)).isTrue();
                expected.remove(at);
            }
            assertThat(rows.size()).isEqualTo(expected.size());
        }
        Row[] all = new Row[rows.size()];
        rows.copyFirst(all, all.length);
        assertThat(Arrays.asList(all)).containsExactlyElementsOf(expected);
        assertThat(rows.remove(Row.of(999L, 0L), ORDER)).as("a row never held").isFalse();
        assertThat(rows.indexOf(Row.of(999L, 0L), ORDER, 10)).isEqualTo(-1);
    }
}
