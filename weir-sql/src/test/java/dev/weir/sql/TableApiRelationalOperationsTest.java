package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static dev.weir.table.api.Expressions.$;
import static dev.weir.table.api.Expressions.call;
import static dev.weir.table.api.Expressions.concat;
import static dev.weir.table.api.Expressions.ifThenElse;
import static dev.weir.table.api.Expressions.lit;
import static dev.weir.table.api.Expressions.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relational operations of the Table API on the clicks table (u, n, ts: a 1, a 2, b 5, a 4, b 1, a 8): the rows and
 * the column names Flink 2.3 gives for the same program (TableApiDifferentialTest in weir-sql-compat runs many of them
 * on Flink too).
 */
class TableApiRelationalOperationsTest {
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
    void filterThenGroupBySumsPerKeyAsAnUpdatingResult() throws Exception {
        Table c = env().from("clicks");
        Table perUser = c.filter($("n").isGreater(1)).groupBy($("u")).select($("u"), $("n").sum().as("total"), $("n").count());
        assertThat(perUser.getResolvedSchema().getColumnNames()).containsExactly("u", "total", "EXPR$1");
        assertThat(materialized(perUser)).containsExactlyInAnyOrder("[a, 14, 3]", "[b, 5, 1]");
    }

    @Test
    void unnamedColumnsAreNamedAsFlinksTableApiNamesThem() throws Exception {
        Table c = env().from("clicks");
        Table projected = c.filter($("u").isEqual("a")).select($("u"), $("n").plus(1), $("n").cast(DataTypes.BIGINT()));
        assertThat(projected.getResolvedSchema().getColumnNames()).containsExactly("u", "_c1", "n-BIGINT");
        assertThat(rows(projected.execute())).containsExactly("+I[a, 2, 1]", "+I[a, 3, 2]", "+I[a, 5, 4]", "+I[a, 9, 8]");
        Table aggregated = c.select($("n").sum(), $("n").max().as("top"), $("n").min());
        assertThat(aggregated.getResolvedSchema().getColumnNames()).containsExactly("EXPR$0", "top", "EXPR$2");
        assertThat(materialized(aggregated)).containsExactly("[21, 8, 1]");
    }

    @Test
    void columnOperationsAddReplaceRenameAndDropColumns() throws Exception {
        Table c = env().from("clicks");
        Table changed = c.addColumns($("n").times(2), $("u").upperCase().as("big")).addOrReplaceColumns($("n").plus(100).as("n"))
                .renameColumns($("u").as("user")).dropColumns($("ts"));
        assertThat(changed.getResolvedSchema().getColumnNames()).containsExactly("user", "n", "_c3", "big");
        assertThat(rows(changed.execute())).containsExactly("+I[a, 101, 2, A]", "+I[a, 102, 4, A]", "+I[b, 105, 10, B]",
                "+I[a, 104, 8, A]", "+I[b, 101, 2, B]", "+I[a, 108, 16, A]");
        assertThatThrownBy(() -> c.addColumns($("n").as("u"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Ambiguous column name: u");
    }

    @Test
    void asRenamesTheColumnsInOrderAndDistinctRemovesDuplicates() throws Exception {
        Table distinct = env().from("clicks").select($("u"), $("n").mod(2)).as("who", "odd").distinct();
        assertThat(distinct.getResolvedSchema().getColumnNames()).containsExactly("who", "odd");
        assertThat(materialized(distinct)).containsExactlyInAnyOrder("[a, 1]", "[a, 0]", "[b, 1]");
    }

    @Test
    void joinsMatchOnThePredicateAndOuterJoinsKeepUnmatchedRows() throws Exception {
        TableEnvironment env = env();
        Table c = env.from("clicks");
        Table users = env.fromValues(row("a", "Alice"), row("c", "Carol")).as("id", "name");
        assertThat(rows(c.join(users, $("u").isEqual($("id"))).select($("name"), $("n")).execute()))
                .containsExactlyInAnyOrder("+I[Alice, 1]", "+I[Alice, 2]", "+I[Alice, 4]", "+I[Alice, 8]");
        assertThat(rows(c.join(users).where($("u").isEqual($("id")).and($("n").isGreater(2))).select($("n")).execute()))
                .containsExactlyInAnyOrder("+I[4]", "+I[8]");
        assertThat(materialized(users.leftOuterJoin(c.select($("u"), $("n")), $("u").isEqual($("id")).and($("n").isGreater(3)))
                .select($("name"), $("n"), $("n").ifNull(0).as("n0"))))
                .containsExactlyInAnyOrder("[Alice, 4, 4]", "[Alice, 8, 8]", "[Carol, null, 0]");
        assertThatThrownBy(() -> c.join(c)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("join relations with ambiguous names: [u, n, ts]");
    }

    @Test
    void lateralJoinsAndFlatMapCallATableFunctionPerRow() throws Exception {
        TableEnvironment env = env();
        env.createTemporarySystemFunction("split", SqlFunctionTest.Split.class);
        Table lines = env.fromValues(DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT()), DataTypes.FIELD("text",
                DataTypes.STRING())), row(1, "hello world"), row(2, "x"), row(3, (Object) null));
        assertThat(rows(lines.joinLateral(call(SqlFunctionTest.Split.class, $("text")).as("word", "len"))
                .select($("id"), $("word"), $("len")).execute()))
                .containsExactlyInAnyOrder("+I[1, hello, 5]", "+I[1, world, 5]", "+I[2, x, 1]");
        assertThat(rows(lines.leftOuterJoinLateral(call("split", $("text"))).select($("id"), $("word")).execute()))
                .containsExactlyInAnyOrder("+I[1, hello]", "+I[1, world]", "+I[2, x]", "+I[3, null]");
        Table words = lines.flatMap(call("split", $("text")).as("w", "n"));
        assertThat(words.getResolvedSchema().getColumnNames()).containsExactly("w", "n");
        assertThat(rows(words.execute())).containsExactlyInAnyOrder("+I[hello, 5]", "+I[world, 5]", "+I[x, 1]");
        env.createTemporarySystemFunction("letters", SqlFunctionTest.Letters.class);
        Table letters = env.fromValues("ab").as("s").flatMap(call("letters", $("s")));
        assertThat(letters.getResolvedSchema().getColumnNames()).containsExactly("EXPR$0");
        assertThat(rows(letters.execute())).containsExactlyInAnyOrder("+I[a]", "+I[b]");
    }

    @Test
    void unionAllKeepsDuplicatesWhileTheDistinctSetOperationsAreRefusedAsFlinkRefusesThem() throws Exception {
        TableEnvironment env = env();
        Table c = env.from("clicks").select($("u"));
        Table other = env.fromValues("b", "z");
        assertThat(rows(c.unionAll(other).execute())).containsExactlyInAnyOrder("+I[a]", "+I[a]", "+I[b]", "+I[a]", "+I[b]",
                "+I[a]", "+I[b]", "+I[z]");
        for (java.util.function.Function<Table, Table> refused : List.<java.util.function.Function<Table, Table>>of(c::union,
                c::intersect, c::intersectAll, c::minus, c::minusAll)) {
            assertThatThrownBy(() -> refused.apply(other)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("operation on two unbounded tables is currently not supported");
        }
    }

    @Test
    void orderByWithFetchKeepsTheTopRowsAsFlinksStreamingTopN() throws Exception {
        Table top = env().from("clicks").select($("u"), $("n")).orderBy($("n").desc()).fetch(2);
        assertThat(materialized(top)).containsExactlyInAnyOrder("[a, 8]", "[b, 5]");
        assertThatThrownBy(() -> env().from("clicks").fetch(2)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("A limit operation must be preceded by a sort operation");
        assertThatThrownBy(() -> env().from("clicks").orderBy($("n")).execute()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Table.orderBy(..) failed").hasMessageContaining("add fetch(n)");
    }

    @Test
    void fromValuesNamesTheColumnsF0AndTypesThemLikeFlink() throws Exception {
        TableEnvironment env = env();
        Table values = env.fromValues(row(1, "ab", 2L), row(2L, "c", 3L));
        assertThat(values.getResolvedSchema().getColumnNames()).containsExactly("f0", "f1", "f2");
        assertThat(values.getResolvedSchema().getColumnDataTypes().toString()).isEqualTo("[BIGINT NOT NULL, VARCHAR(2) NOT NULL, BIGINT NOT NULL]");
        assertThat(rows(values.execute())).containsExactly("+I[1, ab, 2]", "+I[2, c, 3]");
        Table typed = env.fromValues(DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT()), DataTypes.FIELD("name",
                DataTypes.STRING())), row(1, "x"), row(2L, "yy"));
        assertThat(typed.getResolvedSchema().getColumnNames()).containsExactly("id", "name");
        assertThat(rows(typed.execute())).containsExactly("+I[1, x]", "+I[2, yy]");
    }

    @Test
    void expressionsCompute() throws Exception {
        Table c = env().from("clicks");
        assertThat(rows(c.filter($("n").between(2, 5).or($("n").in(8, 9)).and($("u").like("a%")))
                .select($("n"), ifThenElse($("n").isGreater(3), "big", "small"), concat($("u"), "!"), lit(1L).plus($("n")),
                        $("n").dividedBy(2), $("n").power(2), $("ts").plus(lit(90).seconds())).execute()))
                .containsExactly("+I[2, small, a!, 3, 1, 4.0, 2020-01-01T10:04:30]", "+I[4, big, a!, 5, 2, 16.0, 2020-01-01T10:10:30]",
                        "+I[8, big, a!, 9, 4, 64.0, 2020-01-01T10:09:29]");
    }

    @Test
    void aPlanningErrorNamesTheTableApiCall() throws Exception {
        Table c = env().from("clicks");
        assertThatThrownBy(() -> c.select($("nope"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Table.select(..) failed").hasMessageContaining("nope");
        assertThatThrownBy(() -> c.groupBy($("u")).select($("n"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Table.groupBy(..).select(..) failed");
    }

    @Test
    void insertIntoRunsThePipelineIntoASinkTable() throws Exception {
        TableEnvironment env = env();
        Path out = dir.resolve("out");
        env.executeSql("CREATE TABLE big (u STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '" + out
                + "', 'format' = 'csv')");
        dev.weir.table.api.TablePipeline pipeline = env.from("clicks").filter($("n").isGreaterOrEqual(5)).select($("u"), $("n"))
                .insertInto("big");
        assertThat(pipeline.explain()).contains("Sink(table=[big])");
        pipeline.execute().await();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        assertThat(lines).containsExactlyInAnyOrder("b,5", "a,8");
    }
}
