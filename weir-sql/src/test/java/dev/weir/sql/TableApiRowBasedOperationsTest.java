package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static dev.weir.table.api.Expressions.$;
import static dev.weir.table.api.Expressions.call;
import static dev.weir.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.Tumble;
import dev.weir.table.api.ValidationException;
import dev.weir.table.functions.AggregateFunction;
import dev.weir.table.functions.ScalarFunction;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row-based operations of Flink's Table API (map, aggregate, flatAggregate), with the functions of Flink's
 * documentation, on the clicks table (u, n, ts: a 1, a 2, b 5, a 4, b 1, a 8, in that order).
 */
class TableApiRowBasedOperationsTest {
    @TempDir
    Path dir;

    private TableEnvironment env() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        env.getConfig().set("parallelism.default", "1");
        return env;
    }

    private static List<String> materialized(Table table) throws Exception {
        return SqlTestSupport.materialized(table.execute());
    }

    @Test
    void mapFlattensTheRowAScalarFunctionReturnsIntoColumns() throws Exception {
        Table c = env().from("clicks");
        Table named = c.filter($("n").isLess(3)).map(call(MyMapFunction.class, $("u")));
        assertThat(named.getResolvedSchema().getColumnNames()).containsExactly("s1", "s2");
        assertThat(rows(named.execute())).containsExactly("+I[a, pre-a]", "+I[a, pre-a]", "+I[b, pre-b]");
        Table aliased = c.map(call(MyMapFunction.class, $("u")).as("a", "b")).select($("b"), $("a"));
        assertThat(aliased.getResolvedSchema().getColumnNames()).containsExactly("b", "a");
        assertThat(rows(aliased.execute())).hasSize(6).startsWith("+I[pre-a, a]");
    }

    @Test
    void aggregateFlattensTheRowAnAggregateFunctionReturnsPerGroup() throws Exception {
        Table result = env().from("clicks").groupBy($("u")).aggregate(call(MyMinMax.class, $("n")).as("x", "y"))
                .select($("u"), $("x"), $("y"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("u", "x", "y");
        assertThat(materialized(result)).containsExactlyInAnyOrder("[a, 1, 8]", "[b, 1, 5]");
    }

    @Test
    void aggregateWithoutGroupByAggregatesTheWholeTableAndStarSelectsItsColumns() throws Exception {
        Table result = env().from("clicks").aggregate(call(MyMinMax.class, $("n")).as("x", "y")).select($("*"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("x", "y");
        assertThat(materialized(result)).containsExactly("[1, 8]");
    }

    @Test
    void aggregateInAGroupWindowGivesEachWindowsRowWithTheWindowsProperties() throws Exception {
        Table result = env().from("clicks").window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .aggregate(call(MyMinMax.class, $("n")).as("x", "y"))
                .select($("u"), $("x"), $("y"), $("w").start(), $("w").end());
        assertThat(rows(result.execute())).containsExactlyInAnyOrder("+I[a, 1, 2, 2020-01-01T10:00, 2020-01-01T10:05]",
                "+I[b, 5, 5, 2020-01-01T10:00, 2020-01-01T10:05]", "+I[a, 4, 8, 2020-01-01T10:05, 2020-01-01T10:10]",
                "+I[b, 1, 1, 2020-01-01T10:05, 2020-01-01T10:10]");
    }

    @Test
    void flatAggregateRetractsAGroupsEmittedRowsBeforeEmittingItsNewTopTwo() throws Exception {
        Table result = env().from("clicks").groupBy($("u")).flatAggregate(call(Top2.class, $("n")).as("v", "rank"))
                .select($("u"), $("v"), $("rank"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("u", "v", "rank");
        assertThat(rows(result.execute())).containsExactly(
                "+I[a, 1, 1]",
                "-D[a, 1, 1]", "+I[a, 2, 1]", "+I[a, 1, 2]",
                "+I[b, 5, 1]",
                "-D[a, 2, 1]", "-D[a, 1, 2]", "+I[a, 4, 1]", "+I[a, 2, 2]",
                "-D[b, 5, 1]", "+I[b, 5, 1]", "+I[b, 1, 2]",
                "-D[a, 4, 1]", "-D[a, 2, 2]", "+I[a, 8, 1]", "+I[a, 4, 2]");
    }

    @Test
    void flatAggregateWithoutGroupByRanksTheWholeTableAndNamesUnaliasedColumnsAsTheTuplesFields() throws Exception {
        Table result = env().from("clicks").flatAggregate(call(Top2.class, $("n"))).select($("f0"), $("f1"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("f0", "f1");
        assertThat(materialized(result)).containsExactlyInAnyOrder("[8, 1]", "[5, 2]");
    }

    @Test
    void flatAggregateRefusesATableAggregateFunctionWithEmitUpdateWithRetract() throws Exception {
        // Flink 2.3 calls emitUpdateWithRetract but drops the accumulator's changes it makes: for this function it emits
        // every value as +I on each row and never retracts. Weir refuses it rather than give another changelog.
        Table clicks = env().from("clicks");
        assertThatThrownBy(() -> clicks.groupBy($("u")).flatAggregate(call(Top2WithRetract.class, $("n")).as("v", "rank"))
                .select($("u"), $("v"), $("rank")).execute())
                .isInstanceOf(ValidationException.class).hasMessageContaining("defines emitUpdateWithRetract");
        assertThatThrownBy(() -> clicks.groupBy($("u")).flatAggregate(call(Top2WithRetractAndEmitValue.class, $("n"))
                .as("v", "rank")).select($("u"), $("v"), $("rank")).execute())
                .as("also beside an emitValue, which Flink then does not call")
                .isInstanceOf(ValidationException.class).hasMessageContaining("defines emitUpdateWithRetract");
    }

    @Test
    void anAliasListMustNameEveryColumnOfTheResult() throws Exception {
        Table c = env().from("clicks");
        assertThatThrownBy(() -> c.map(call(MyMapFunction.class, $("u")).as("only")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("List of column aliases must have same degree");
        assertThatThrownBy(() -> c.groupBy($("u")).flatAggregate($("n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("takes a function call");
    }

    /** Flink's documented map function: a row of the string and its prefixed form. */
    public static class MyMapFunction extends ScalarFunction {
        @DataTypeHint("ROW<s1 STRING, s2 STRING>")
        public Row eval(String a) {
            return Row.of(a, "pre-" + a);
        }
    }

    /** The accumulator of {@link MyMinMax}. */
    public static class MyMinMaxAcc {
        public int min = Integer.MAX_VALUE;
        public int max = Integer.MIN_VALUE;
    }

    /** Flink's documented aggregate function: the least and the greatest value, as a row. */
    public static class MyMinMax extends AggregateFunction<Row, MyMinMaxAcc> {
        public void accumulate(MyMinMaxAcc acc, int value) {
            if (value < acc.min) {
                acc.min = value;
            }
            if (value > acc.max) {
                acc.max = value;
            }
        }

        public void merge(MyMinMaxAcc acc, Iterable<MyMinMaxAcc> others) {
            for (MyMinMaxAcc other : others) {
                acc.min = Math.min(acc.min, other.min);
                acc.max = Math.max(acc.max, other.max);
            }
        }

        @Override
        public MyMinMaxAcc createAccumulator() {
            return new MyMinMaxAcc();
        }

        @Override
        @DataTypeHint("ROW<x INT, y INT>")
        public Row getValue(MyMinMaxAcc acc) {
            return Row.of(acc.min, acc.max);
        }
    }

    /** The accumulator of {@link Top2}. */
    public static class Top2Accum {
        public Integer first;
        public Integer second;
    }

    /** Flink's documented table aggregate function: the two greatest values, each with its rank. */
    public static class Top2 extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2Accum> {
        @Override
        public Top2Accum createAccumulator() {
            Top2Accum acc = new Top2Accum();
            acc.first = Integer.MIN_VALUE;
            acc.second = Integer.MIN_VALUE;
            return acc;
        }

        public void accumulate(Top2Accum acc, Integer v) {
            if (v > acc.first) {
                acc.second = acc.first;
                acc.first = v;
            } else if (v > acc.second) {
                acc.second = v;
            }
        }

        public void emitValue(Top2Accum acc, Collector<Tuple2<Integer, Integer>> out) {
            if (acc.first != Integer.MIN_VALUE) {
                out.collect(Tuple2.of(acc.first, 1));
            }
            if (acc.second != Integer.MIN_VALUE) {
                out.collect(Tuple2.of(acc.second, 2));
            }
        }
    }

    /** The accumulator of {@link Top2WithRetract}: the top two, and the two it emitted last. */
    public static class Top2WithRetractAccum {
        public Integer first;
        public Integer second;
        public Integer oldFirst;
        public Integer oldSecond;
    }

    /** Flink's documented Top2 with {@code emitUpdateWithRetract}: it retracts and emits only a rank whose value changed. */
    public static class Top2WithRetract extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2WithRetractAccum> {
        @Override
        public Top2WithRetractAccum createAccumulator() {
            Top2WithRetractAccum acc = new Top2WithRetractAccum();
            acc.first = Integer.MIN_VALUE;
            acc.second = Integer.MIN_VALUE;
            acc.oldFirst = Integer.MIN_VALUE;
            acc.oldSecond = Integer.MIN_VALUE;
            return acc;
        }

        public void accumulate(Top2WithRetractAccum acc, Integer v) {
            if (v > acc.first) {
                acc.second = acc.first;
                acc.first = v;
            } else if (v > acc.second) {
                acc.second = v;
            }
        }

        public void emitUpdateWithRetract(Top2WithRetractAccum acc, RetractableCollector<Tuple2<Integer, Integer>> out) {
            if (!acc.first.equals(acc.oldFirst)) {
                if (acc.oldFirst != Integer.MIN_VALUE) {
                    out.retract(Tuple2.of(acc.oldFirst, 1));
                }
                out.collect(Tuple2.of(acc.first, 1));
                acc.oldFirst = acc.first;
            }
            if (!acc.second.equals(acc.oldSecond)) {
                if (acc.oldSecond != Integer.MIN_VALUE) {
                    out.retract(Tuple2.of(acc.oldSecond, 2));
                }
                out.collect(Tuple2.of(acc.second, 2));
                acc.oldSecond = acc.second;
            }
        }
    }

    /** {@link Top2WithRetract} that also has an {@code emitValue}, which Flink then does not call. */
    public static class Top2WithRetractAndEmitValue extends Top2WithRetract {
        public void emitValue(Top2WithRetractAccum acc, Collector<Tuple2<Integer, Integer>> out) {
            out.collect(Tuple2.of(acc.first, 1));
            out.collect(Tuple2.of(acc.second, 2));
        }
    }
}
