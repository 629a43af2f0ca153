package dev.weir.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.catalog.SessionCatalog;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Which watermark expressions the watermark strategy computes from each row's timestamp as a {@code long} (the rowtime,
 * or the rowtime minus a day-time interval literal), and which it evaluates as they are.
 */
class RowtimeOffsetTest {
    private static final int ROWTIME = 1;

    private static RexNode planned(String watermark) {
        RelDataTypeFactory types = new JavaTypeFactoryImpl();
        RelDataType row = types.builder().add("id", SqlTypeName.VARCHAR).nullable(true)
                .add("ts", types.createSqlType(SqlTypeName.TIMESTAMP, 3)).nullable(true).build();
        return new SqlPlanner(new SessionCatalog()).planExpressions(row, List.of(watermark)).get(0);
    }

    @Test
    void theRowtimeMinusADayTimeIntervalIsAnOffsetInMilliseconds() {
        assertThat(SourceTranslator.rowtimeOffset(planned("ts - INTERVAL '4' SECOND"), ROWTIME)).isEqualTo(4_000L);
        assertThat(SourceTranslator.rowtimeOffset(planned("ts - INTERVAL '1.5' SECOND"), ROWTIME)).isEqualTo(1_500L);
        assertThat(SourceTranslator.rowtimeOffset(planned("`ts` - INTERVAL '2' MINUTE"), ROWTIME)).isEqualTo(120_000L);
        assertThat(SourceTranslator.rowtimeOffset(planned("ts - INTERVAL '1' DAY"), ROWTIME)).isEqualTo(86_400_000L);
    }

    @Test
    void theRowtimeItselfIsAnOffsetOfZero() {
        assertThat(SourceTranslator.rowtimeOffset(planned("ts"), ROWTIME)).isEqualTo(0L);
    }

    @Test
    void anyOtherExpressionIsEvaluatedPerRow() {
        assertThat(SourceTranslator.rowtimeOffset(planned("ts + INTERVAL '4' SECOND"), ROWTIME)).isNull();
        assertThat(SourceTranslator.rowtimeOffset(planned("ts - INTERVAL '1' MONTH"), ROWTIME)).isNull();
        assertThat(SourceTranslator.rowtimeOffset(planned("ts - INTERVAL '4' SECOND"), 0)).isNull();
        assertThat(SourceTranslator.rowtimeOffset(planned("CAST(NULL AS TIMESTAMP(3))"), ROWTIME)).isNull();
    }
}
