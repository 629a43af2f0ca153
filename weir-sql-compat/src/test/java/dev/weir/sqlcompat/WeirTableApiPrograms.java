package dev.weir.sqlcompat;

import static dev.weir.table.api.Expressions.$;
import static dev.weir.table.api.Expressions.call;
import static dev.weir.table.api.Expressions.CURRENT_ROW;
import static dev.weir.table.api.Expressions.UNBOUNDED_RANGE;
import static dev.weir.table.api.Expressions.concat;
import static dev.weir.table.api.Expressions.ifThenElse;
import static dev.weir.table.api.Expressions.lit;
import static dev.weir.table.api.Expressions.not;
import static dev.weir.table.api.Expressions.row;
import static dev.weir.table.api.Expressions.rowInterval;

import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Over;
import dev.weir.table.api.Session;
import dev.weir.table.api.Slide;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.Tumble;
import dev.weir.table.expressions.TimeIntervalUnit;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.annotation.FunctionHint;
import dev.weir.table.functions.AggregateFunction;
import dev.weir.table.functions.ScalarFunction;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.table.functions.TableFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * Table API programs written against Weir's packages; FlinkTableApiPrograms is the same text against Flink's. Each program reads the table {@code clicks (u STRING, n INT, ts TIMESTAMP(3))} with a watermark on
 * {@code ts}. TableApiDifferentialTest runs them on both engines and checks that the two files differ only in their
 * imports, Weir's porting rule.
 */
final class WeirTableApiPrograms {
    private WeirTableApiPrograms() {
    }

    static Table filterAndProject(TableEnvironment env) {
        return env.from("clicks").filter($("u").isEqual("a"))
                .select($("u"), $("n").plus(1), $("n").cast(DataTypes.BIGINT()), $("n").times(2).as("twice"));
    }

    static Table groupByWithDistinctCount(TableEnvironment env) {
        return env.from("clicks").groupBy($("u")).select($("u"), $("n").sum(), $("n").count().distinct().as("d"), $("n").max());
    }

    static Table aggregateOverTheWholeTable(TableEnvironment env) {
        return env.from("clicks").select($("n").sum(), $("n").min(), $("n").avg().as("mean"));
    }

    static Table tumblingWindow(TableEnvironment env) {
        return env.from("clicks").window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .select($("u"), $("w").start(), $("w").end(), $("n").sum().as("s"), $("n").count());
    }

    static Table slidingWindow(TableEnvironment env) {
        return env.from("clicks").window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w"))
                .groupBy($("w")).select($("w").start(), $("w").end(), $("n").sum());
    }

    static Table sessionWindow(TableEnvironment env) {
        return env.from("clicks").window(Session.withGap(lit(2).minutes()).on($("ts")).as("w")).groupBy($("w"), $("u"))
                .select($("u"), $("w").start(), $("w").end(), $("n").count().as("clicks"));
    }

    static Table overWindowUnboundedRange(TableEnvironment env) {
        return env.from("clicks").window(Over.partitionBy($("u")).orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w"))
                .select($("u"), $("n"), $("n").sum().over($("w")), $("n").max().over($("w")).as("top"));
    }

    static Table overWindowOfTheLastTwoRows(TableEnvironment env) {
        return env.from("clicks").window(Over.partitionBy($("u")).orderBy($("ts")).preceding(rowInterval(1L)).following(CURRENT_ROW).as("w"))
                .select($("u"), $("n"), $("n").sum().over($("w")).as("s"));
    }

    static Table overWindowOfTheLastFiveMinutes(TableEnvironment env) {
        return env.from("clicks").window(Over.partitionBy($("u")).orderBy($("ts")).preceding(lit(5).minutes()).as("w"))
                .select($("u"), $("n"), $("n").count().over($("w")).as("c"));
    }

    static Table columnOperations(TableEnvironment env) {
        return env.from("clicks").addColumns($("n").times(2), $("u").upperCase().as("big"))
                .addOrReplaceColumns($("n").plus(100).as("n"))
                .renameColumns($("u").as("user"))
                .dropColumns($("ts"));
    }

    static Table renameAllColumnsAndDistinct(TableEnvironment env) {
        return env.from("clicks").select($("u"), $("n").mod(2)).as("who", "odd").distinct();
    }

    static Table innerJoinWithValues(TableEnvironment env) {
        Table users = env.fromValues(row("a", "Alice"), row("b", "Bob"), row("c", "Carol")).as("id", "name");
        return env.from("clicks").join(users, $("u").isEqual($("id"))).select($("name"), $("n"));
    }

    static Table joinFollowedByWhere(TableEnvironment env) {
        Table users = env.fromValues(row("a", "Alice"), row("b", "Bob")).as("id", "name");
        return env.from("clicks").join(users).where($("u").isEqual($("id")).and($("n").isGreater(1))).select($("name"), $("n"));
    }

    static Table leftOuterJoinKeepsUnmatchedRows(TableEnvironment env) {
        Table users = env.fromValues(row("a", "Alice"), row("c", "Carol")).as("id", "name");
        return users.leftOuterJoin(env.from("clicks").select($("u"), $("n")), $("u").isEqual($("id")))
                .select($("name"), $("n"), $("n").isNull().as("missing"), $("n").ifNull(0).as("n0"));
    }

    static Table fullOuterJoin(TableEnvironment env) {
        // Nullable columns: Flink's collect sink refuses a null in the NOT NULL columns fromValues gives untyped rows.
        Table users = env.fromValues(DataTypes.ROW(DataTypes.FIELD("id", DataTypes.STRING()), DataTypes.FIELD("name",
                DataTypes.STRING())), row("a", "Alice"), row("c", "Carol"));
        return users.fullOuterJoin(env.from("clicks").select($("u"), $("n")), $("u").isEqual($("id"))).select($("name"), $("u"), $("n"));
    }

    static Table unionAllOfTwoTables(TableEnvironment env) {
        Table other = env.fromValues(row("z", 26));
        return env.from("clicks").select($("u"), $("n")).unionAll(other);
    }

    static Table topTwoByOrderByAndFetch(TableEnvironment env) {
        return env.from("clicks").select($("u"), $("n")).orderBy($("n").desc()).fetch(2);
    }

    static Table valuesOfMixedTypes(TableEnvironment env) {
        return env.fromValues(row(1, "ab", 2L, 1.5), row(2L, "c", 3L, 2));
    }

    static Table valuesOfADeclaredRowType(TableEnvironment env) {
        return env.fromValues(DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT()), DataTypes.FIELD("name", DataTypes.STRING())),
                row(1, "x"), row(2L, "yy"));
    }

    static Table predicatesAndConditionals(TableEnvironment env) {
        return env.from("clicks").filter($("n").between(2, 5).or($("n").in(8, 9)).and($("u").like("a%")))
                .select($("n"), ifThenElse($("n").isGreater(3), "big", "small").as("size"), concat($("u"), "!"),
                        $("n").isNotEqual(4), not($("n").isLessOrEqual(2)));
    }

    static Table arithmeticAndMath(TableEnvironment env) {
        return env.from("clicks").select($("n"), lit(1L).plus($("n")), $("n").dividedBy(2), $("n").minus(10).abs(),
                $("n").power(2), $("n").cast(DataTypes.DOUBLE()).sqrt().round(3), $("n").times(1.5));
    }

    static Table stringFunctions(TableEnvironment env) {
        return env.fromValues(row(" Weir ", "flink")).select($("f0").trim(), $("f0").charLength(), $("f1").upperCase(),
                $("f1").substring(2, 3), $("f1").replace("in", "ax"), $("f1").lowerCase(), $("f1").like("f%"),
                $("f1").regexpReplace("[aeiou]", "_"));
    }

    static Table timeFunctionsAndIntervals(TableEnvironment env) {
        return env.from("clicks").select($("ts"), $("ts").extract(TimeIntervalUnit.MINUTE), $("ts").floor(TimeIntervalUnit.HOUR),
                $("ts").plus(lit(90).seconds()), $("ts").minus(lit(1500).millis()), $("ts").plus(lit(1).days()));
    }

    static Table lateralJoinWithATableFunction(TableEnvironment env) {
        Table lines = env.fromValues(row(1, "hello big world"), row(2, "x")).as("id", "text");
        return lines.joinLateral(call(Words.class, $("text")).as("word")).select($("id"), $("word"), $("word").charLength());
    }

    static Table flatMapWithATableFunction(TableEnvironment env) {
        return env.fromValues(row(1, "hello big world"), row(2, "x")).as("id", "text").flatMap(call(Words.class, $("text")));
    }

    static Table overWindowWithoutPartitions(TableEnvironment env) {
        return env.from("clicks").window(Over.orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w"))
                .select($("u"), $("n"), $("n").sum().over($("w")).as("total"));
    }

    static Table windowOnTheRowtimeOfAnotherWindow(TableEnvironment env) {
        Table perUser = env.from("clicks").window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .select($("u"), $("w").rowtime().as("rt"), $("n").sum().as("s"));
        return perUser.window(Tumble.over(lit(10).minutes()).on($("rt")).as("w2")).groupBy($("w2"))
                .select($("w2").start(), $("s").sum().as("total"), $("u").count().as("windows"));
    }

    static Table orderByWithOffsetAndFetch(TableEnvironment env) {
        return env.from("clicks").select($("u"), $("n")).orderBy($("n").desc(), $("u")).offset(1).fetch(2);
    }

    static Table limitWithoutOrderBy(TableEnvironment env) {
        return env.from("clicks").filter($("n").isGreater(1)).select($("u"), $("n")).limit(3);
    }

    static Table orderByTheRowtimeWithLimit(TableEnvironment env) {
        return env.from("clicks").orderBy($("ts")).limit(1, 2);
    }

    static Table mapWithARowOfTwoColumns(TableEnvironment env) {
        return env.from("clicks").map(call(PrefixedRow.class, $("u"))).as("a", "b");
    }

    static Table mapNamesTheColumnsAsTheRowType(TableEnvironment env) {
        return env.from("clicks").filter($("n").isLess(3)).map(call(PrefixedRow.class, $("u")));
    }

    static Table flatAggregateTopTwoPerGroup(TableEnvironment env) {
        return env.from("clicks").groupBy($("u")).flatAggregate(call(Top2.class, $("n")).as("v", "rank"))
                .select($("u"), $("v"), $("rank"));
    }

    static Table flatAggregateTopTwoOfTheWholeTableChangelog(TableEnvironment env) {
        return env.from("clicks").flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("v"), $("rank"));
    }

    static Table flatAggregateTopTwoPerTumblingWindow(TableEnvironment env) {
        return env.from("clicks").window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank"))
                .select($("u"), $("w").start(), $("w").end(), $("w").rowtime(), $("v"), $("rank"));
    }

    static Table flatAggregateTopTwoPerSlidingWindow(TableEnvironment env) {
        return env.from("clicks").window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w"))
                .groupBy($("u"), $("w")).flatAggregate(call(MergingTop2.class, $("n")).as("v", "rank"))
                .select($("u"), $("w").start(), $("w").end(), $("v"), $("rank"));
    }

    static Table flatAggregateTopTwoPerSessionWindow(TableEnvironment env) {
        return env.from("clicks").window(Session.withGap(lit(3).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(MergingTop2.class, $("n")).as("v", "rank"))
                .select($("u"), $("w").start(), $("w").end(), $("w").rowtime(), $("v"), $("rank"));
    }

    static Table flatAggregateOfWholeWindowsThenAnExpression(TableEnvironment env) {
        return env.from("clicks").window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("w"))
                .flatAggregate(call(Top2.class, $("n"))).select($("f0").plus($("f1")).as("x"), $("w").end());
    }

    static Table aggregateWithARowResultPerGroup(TableEnvironment env) {
        return env.from("clicks").groupBy($("u")).aggregate(call(MinMax.class, $("n")).as("x", "y")).select($("u"), $("x"), $("y"));
    }

    static Table aggregateWithARowResultPerGroupWindow(TableEnvironment env) {
        return env.from("clicks").window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .aggregate(call(MinMax.class, $("n")).as("x", "y")).select($("u"), $("x"), $("y"), $("w").start(), $("w").end());
    }

    static Table orderByTheRowtimeThenSelectAndFilterChangelog(TableEnvironment env) {
        return env.from("clicks").orderBy($("ts")).select($("u"), $("n"), $("ts")).filter($("n").isGreater(1));
    }

    static Table orderByTheRowtimeThenDropIt(TableEnvironment env) {
        return env.from("clicks").orderBy($("ts")).select($("u"), $("n"));
    }

    /** A row of the string and its prefixed form, as the map function of Flink's documentation. */
    public static class PrefixedRow extends ScalarFunction {
        @DataTypeHint("ROW<s1 STRING, s2 STRING>")
        public Row eval(String a) {
            return Row.of(a, "pre-" + a);
        }
    }

    /** The accumulator of MinMax. */
    public static class MinMaxAcc {
        public int min = Integer.MAX_VALUE;
        public int max = Integer.MIN_VALUE;
    }

    /** The least and the greatest value, as a row, as the aggregate function of Flink's documentation. */
    @FunctionHint(output = @DataTypeHint("ROW<x INT, y INT>"))
    public static class MinMax extends AggregateFunction<Row, MinMaxAcc> {
        public void accumulate(MinMaxAcc acc, Integer value) {
            acc.min = Math.min(acc.min, value);
            acc.max = Math.max(acc.max, value);
        }

        public void merge(MinMaxAcc acc, Iterable<MinMaxAcc> others) {
            for (MinMaxAcc other : others) {
                acc.min = Math.min(acc.min, other.min);
                acc.max = Math.max(acc.max, other.max);
            }
        }

        @Override
        public MinMaxAcc createAccumulator() {
            return new MinMaxAcc();
        }

        @Override
        public Row getValue(MinMaxAcc acc) {
            return Row.of(acc.min, acc.max);
        }
    }

    /** The accumulator of Top2. */
    public static class Top2Accum {
        public Integer first;
        public Integer second;
    }

    /** The two greatest values with their rank, as the table aggregate function of Flink's documentation. */
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

    /** Top2 with merge, which sliding and session windows need. */
    public static class MergingTop2 extends Top2 {
        public void merge(Top2Accum acc, Iterable<Top2Accum> others) {
            for (Top2Accum other : others) {
                accumulate(acc, other.first);
                accumulate(acc, other.second);
            }
        }
    }

    /** Splits a line into its words. */
    public static class Words extends TableFunction<String> {
        public void eval(String line) {
            for (String word : line.split(" ")) {
                collect(word);
            }
        }
    }
}
