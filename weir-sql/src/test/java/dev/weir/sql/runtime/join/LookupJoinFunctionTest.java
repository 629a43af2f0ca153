package dev.weir.sql.runtime.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.connector.LookupFunction;
import dev.weir.sql.connector.LookupOptions;
import dev.weir.sql.expr.Expr;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The lookup join row by row over an in-memory table of (key, name) rows: which rows it emits, with which change kind,
 * and when it asks the table (the cache against a real database is in weir-jdbc's JdbcLookupJoinCacheTest).
 */
class LookupJoinFunctionTest {
    private static final AtomicInteger LOOKUPS = new AtomicInteger();

    /** The table: key "a" has two rows, "b" one. */
    private static final class Names implements LookupFunction {
        private static final long serialVersionUID = 1L;

        @Override
        public void open() {
        }

        @Override
        public List<Row> lookup(Row key) {
            LOOKUPS.incrementAndGet();
            List<Row> rows = new ArrayList<>();
            for (Row r : List.of(Row.of("a", "ann"), Row.of("a", "al"), Row.of("b", "bob"))) {
                if (r.getField(0).equals(key.getField(0))) {
                    rows.add(r);
                }
            }
            return rows;
        }

        @Override
        public void close() {
        }
    }

    private static final class FirstColumn extends Expr {
        private static final long serialVersionUID = 1L;

        @Override
        public Object eval(Row row) {
            return row.getField(0);
        }
    }

    /** The joined row's name (column 3) is not "al". */
    private static final class NotAl extends Expr {
        private static final long serialVersionUID = 1L;

        @Override
        public Object eval(Row row) {
            return !"al".equals(row.getField(3));
        }
    }

    private static List<String> run(boolean leftOuter, Expr condition, LookupOptions options, Row... input) throws Exception {
        try (OneInputHarness<Row, Row> h = ProcessFunctionTestHarnesses.forProcessFunction(new LookupJoinFunction(new Names(),
                options, new Expr[] {new FirstColumn()}, leftOuter, 2, 2, condition))) {
            for (Row row : input) {
                h.processElement(row);
            }
            return h.extractOutputValues().stream().map(Row::toString).toList();
        }
    }

    private static final LookupOptions NO_CACHE = new LookupOptions(0, 0, 0, true, 0);

    @Test
    void eachLeftRowJoinsEveryRowWithItsKeyAndKeepsItsChangeKind() throws Exception {
        assertThat(run(false, null, NO_CACHE, Row.of("a", 1), Row.ofKind(RowKind.DELETE, "b", 2), Row.of("c", 3)))
                .containsExactly("+I[a, 1, a, ann]", "+I[a, 1, a, al]", "-D[b, 2, b, bob]");
    }

    @Test
    void aLeftJoinPadsRowsWhoseMatchesTheConditionRejectsAndRowsWithANullKeyWhichAreNotLookedUp() throws Exception {
        LOOKUPS.set(0);
        assertThat(run(true, new NotAl(), NO_CACHE, Row.of("a", 1), Row.of("c", 2), Row.of(null, 3)))
                .containsExactly("+I[a, 1, a, ann]", "+I[c, 2, null, null]", "+I[null, 3, null, null]");
        assertThat(LOOKUPS.get()).isEqualTo(2);
    }

    @Test
    void aCachedKeyIsLookedUpOnceWhileFresh() throws Exception {
        LOOKUPS.set(0);
        assertThat(run(false, null, new LookupOptions(10, 0, 0, true, 0), Row.of("b", 1), Row.of("b", 2), Row.of("z", 3),
                Row.of("z", 4))).containsExactly("+I[b, 1, b, bob]", "+I[b, 2, b, bob]");
        assertThat(LOOKUPS.get()).isEqualTo(2);
    }
}
