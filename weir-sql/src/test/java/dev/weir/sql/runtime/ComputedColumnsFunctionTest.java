package dev.weir.sql.runtime;

import static dev.weir.sql.runtime.ColumnExprs.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import org.junit.jupiter.api.Test;

/** Table {@code t(a BIGINT, b BIGINT, c AS a + b)}: the source's rows are (a, b), the table's (a, b, c). */
class ComputedColumnsFunctionTest {
    private static final Expr[] COLUMNS = {column(0), column(1), sum(0, 1)};

    @Test
    void aSourceRowWithRoomForTheTrailingComputedColumnGetsItsValueInPlace() throws Exception {
        Row fromSource = Row.of(2L, 3L, null);
        Row table = new ComputedColumnsFunction(COLUMNS, 1).map(fromSource);
        assertThat(table).isSameAs(fromSource);
        assertThat(table.toString()).isEqualTo("+I[2, 3, 5]");
    }

    @Test
    void aSourceRowWithoutRoomIsProjectedIntoANewRowAndLeftAsItWas() throws Exception {
        Row fromSource = Row.of(2L, 3L);
        Row table = new ComputedColumnsFunction(COLUMNS, 1).map(fromSource);
        assertThat(table.toString()).isEqualTo("+I[2, 3, 5]");
        assertThat(fromSource.toString()).isEqualTo("+I[2, 3]");
    }

    @Test
    void computedColumnsThatDoNotAllTrailNeverWriteIntoTheSourcesRow() throws Exception {
        // t(c AS a + b, a, b) over source rows (a, b): the table's columns are the source's shifted, so a new row.
        Expr[] leading = {sum(0, 1), column(0), column(1)};
        Row fromSource = Row.of(2L, 3L, null);
        Row table = new ComputedColumnsFunction(leading, 0).map(fromSource);
        assertThat(table.toString()).isEqualTo("+I[5, 2, 3]");
        assertThat(fromSource.toString()).isEqualTo("+I[2, 3, null]");
    }

    private static Expr sum(int left, int right) {
        return new Expr() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object eval(Row row) {
                return (Long) row.getField(left) + (Long) row.getField(right);
            }
        };
    }
}
