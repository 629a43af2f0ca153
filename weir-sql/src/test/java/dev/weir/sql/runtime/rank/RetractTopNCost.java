package dev.weir.sql.runtime.rank;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The retract Top-N's CPU time per input row (not a test: run its main): one partition holding {@code rows} live rows
 * (key, id, value), ranked by value descending into a top 10 with the row number, then each of {@code updates} updates
 * moves one random row to a random value ({@code -U} old, {@code +U} new). Prints the median of five rounds of the
 * thread's CPU time per input row, after two rounds of warm-up. Arguments: rows, updates.
 */
public final class RetractTopNCost {
    private RetractTopNCost() {
    }

    private static final class Value extends Expr {
        private static final long serialVersionUID = 1L;

        @Override
        public Object eval(Row row) {
            return row.getField(2);
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int updates = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] perRow = new double[7];
        for (int round = 0; round < perRow.length; round++) {
            SortKeyComparator byValueDesc = new SortKeyComparator(new Expr[] {new Value()}, new boolean[] {true},
                    new boolean[] {false});
            try (OneInputHarness<Row, Row> h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new RetractableTopNFunction(byValueDesc, 10, true), GroupKeySelector.of(new int[] {0}, false))) {
                SplittableRandom random = new SplittableRandom(round);
                long[] values = new long[rows];
                for (int id = 0; id < rows; id++) {
                    values[id] = random.nextLong(1_000_000);
                    h.processElement(Row.of("a", (long) id, values[id]));
                }
                h.clearOutput();
                long cpu = threads.getCurrentThreadCpuTime();
                for (int u = 0; u < updates; u++) {
                    int id = random.nextInt(rows);
                    h.processElement(Row.ofKind(RowKind.UPDATE_BEFORE, "a", (long) id, values[id]));
                    values[id] = random.nextLong(1_000_000);
                    h.processElement(Row.ofKind(RowKind.UPDATE_AFTER, "a", (long) id, values[id]));
                    if ((u & 1023) == 0) {
                        h.clearOutput();
                    }
                }
                perRow[round] = (threads.getCurrentThreadCpuTime() - cpu) / (2.0 * updates);
            }
        }
        double[] measured = java.util.Arrays.copyOfRange(perRow, 2, perRow.length);
        java.util.Arrays.sort(measured);
        System.out.printf("rows=%d updates=%d cpu ns per input row: median %.0f (rounds %s)%n", rows, updates,
                measured[measured.length / 2], java.util.Arrays.toString(measured));
    }
}
