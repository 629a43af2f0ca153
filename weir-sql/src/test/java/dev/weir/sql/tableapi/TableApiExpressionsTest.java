package dev.weir.sql.tableapi;

import static dev.weir.table.api.Expressions.$;
import static dev.weir.table.api.Expressions.UNBOUNDED_RANGE;
import static dev.weir.table.api.Expressions.and;
import static dev.weir.table.api.Expressions.call;
import static dev.weir.table.api.Expressions.callSql;
import static dev.weir.table.api.Expressions.ifThenElse;
import static dev.weir.table.api.Expressions.lit;
import static dev.weir.table.api.Expressions.nullOf;
import static dev.weir.table.api.Expressions.row;
import static dev.weir.table.api.Expressions.rowInterval;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.ApiExpression;
import dev.weir.table.api.DataTypes;
import dev.weir.table.expressions.TimeIntervalUnit;
import org.junit.jupiter.api.Test;

/** The DSL's expressions: their summary strings as Flink 2.3 prints them, and the Flink SQL Weir plans them as. */
class TableApiExpressionsTest {
    private static String sql(ApiExpression e) {
        return SqlRendering.plain(f -> "f").render(SqlRendering.node(e));
    }

    @Test
    void summaryStringsReadAsFlinksDo() {
        assertThat($("b").sum().asSummaryString()).isEqualTo("sum(b)");
        assertThat($("c").isEqual("FRANCE").asSummaryString()).isEqualTo("equals(c, 'FRANCE')");
        assertThat($("a").plus(1).times(2L).asSummaryString()).isEqualTo("times(plus(a, 1), 2)");
        assertThat($("b").sum().as("revSum").asSummaryString()).isEqualTo("as(sum(b), 'revSum')");
        assertThat($("a").cast(DataTypes.BIGINT()).asSummaryString()).isEqualTo("cast(a, BIGINT)");
        assertThat(lit(10).minutes().asSummaryString()).isEqualTo("600000");
        assertThat($("a").between(1, 3).asSummaryString()).isEqualTo("between(a, 1, 3)");
        assertThat($("a").in(1, 2).asSummaryString()).isEqualTo("in(a, 1, 2)");
        assertThat(and($("a").isGreater(1), $("b").isLess(2.5)).asSummaryString())
                .isEqualTo("and(greaterThan(a, 1), lessThan(b, 2.5))");
        assertThat($("a").count().distinct().asSummaryString()).isEqualTo("distinct(count(a))");
        assertThat($("a").sum().over($("w")).asSummaryString()).isEqualTo("over(sum(a), w)");
        assertThat($("w").start().asSummaryString()).isEqualTo("start(w)");
        assertThat($("ts").extract(TimeIntervalUnit.HOUR).asSummaryString()).isEqualTo("extract(HOUR, ts)");
        assertThat(ifThenElse($("a").isNull(), "x", $("c")).asSummaryString()).isEqualTo("ifThenElse(isNull(a), 'x', c)");
        assertThat($("c").like("a%").asSummaryString()).isEqualTo("LIKE(c, 'a%')");
        assertThat($("c").substring(1, 2).asSummaryString()).isEqualTo("substring(c, 1, 2)");
        assertThat(nullOf(DataTypes.INT()).asSummaryString()).isEqualTo("null");
        assertThat(row(1, "a").asSummaryString()).isEqualTo("row(1, 'a')");
        assertThat(call("MyFunc", $("a")).asSummaryString()).isEqualTo("MyFunc(a)");
        assertThat(callSql("UPPER(c)").asSummaryString()).isEqualTo("[UPPER(c)]");
        assertThat(UNBOUNDED_RANGE.asSummaryString()).isEqualTo("UNBOUNDED_RANGE");
        assertThat(rowInterval(10L).asSummaryString()).isEqualTo("10");
    }

    @Test
    void expressionsRenderAsFlinkSqlWithLiteralsTypedAsFlinkTypesThem() {
        assertThat(sql($("a b").plus(1))).isEqualTo("(`a b` + 1)");
        assertThat(sql(lit(1L))).isEqualTo("CAST(1 AS BIGINT)");
        assertThat(sql(lit(1.5))).isEqualTo("CAST(1.5 AS DOUBLE)");
        assertThat(sql(lit("it's"))).isEqualTo("'it''s'");
        assertThat(sql($("b").count().distinct())).isEqualTo("COUNT(DISTINCT `b`)");
        assertThat(sql($("b").count())).isEqualTo("COUNT(`b`)");
        assertThat(sql($("a").in(1, 2))).isEqualTo("(`a` IN (1, 2))");
        assertThat(sql($("r").get("x"))).isEqualTo("`r`.`x`");
        assertThat(sql(lit(10).minutes())).isEqualTo("INTERVAL '10' MINUTE");
        assertThat(sql(lit(600).seconds())).isEqualTo("INTERVAL '10' MINUTE");
        assertThat(sql(lit(90).seconds())).isEqualTo("INTERVAL '90' SECOND");
        assertThat(sql(lit(1500).millis())).isEqualTo("INTERVAL '1.500' SECOND(2, 3)");
        assertThat(sql(lit(120).days())).isEqualTo("INTERVAL '120' DAY(3)");
        assertThat(sql($("n").minutes())).isEqualTo("(`n` * INTERVAL '1' MINUTE)");
        assertThat(sql(nullOf(DataTypes.STRING()))).isEqualTo("CAST(NULL AS STRING)");
        assertThat(sql($("ts").extract(TimeIntervalUnit.DAY_TO_SECOND))).isEqualTo("EXTRACT(DAY TO SECOND FROM `ts`)");
        assertThat(sql(and(lit(true), lit(true), lit(true), lit(true), lit(true), lit(true), lit(true), lit(true), lit(true),
                lit(true), lit(false)))).isEqualTo("(TRUE AND TRUE AND TRUE AND TRUE AND TRUE AND TRUE AND TRUE AND TRUE AND TRUE AND "
                + "TRUE AND FALSE)");
    }
}
