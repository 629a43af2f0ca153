package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.table.functions.AggregateFunction;
import dev.weir.table.functions.ScalarFunction;
import dev.weir.table.functions.TableFunction;
import dev.weir.types.Row;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User-defined scalar, table and aggregate functions, with Flink's classes, registration calls and type inference. */
class SqlFunctionTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    /** Overloaded eval: the argument types choose. */
    public static class Twice extends ScalarFunction {
        public String eval(String s) {
            return s == null ? null : s + s;
        }

        public long eval(long x) {
            return 2 * x;
        }
    }

    /** A DECIMAL result needs its type declared. */
    public static class WithTax extends ScalarFunction {
        public @DataTypeHint("DECIMAL(10, 2)") BigDecimal eval(Integer price) {
            return price == null ? null : BigDecimal.valueOf(price).multiply(new BigDecimal("1.19"));
        }
    }

    /** Emits one row per word. */
    @DataTypeHint("ROW<word STRING, length INT>")
    public static class Split extends TableFunction<Row> {
        public void eval(String s) {
            if (s == null) {
                return;
            }
            for (String w : s.split(" ")) {
                collect(Row.of(w, w.length()));
            }
        }
    }

    /** Emits single values: one column f0. */
    public static class Letters extends TableFunction<String> {
        public void eval(String s) {
            for (char c : s.toCharArray()) {
                collect(String.valueOf(c));
            }
        }
    }

    /** A weighted average, with retract for updating inputs. */
    public static class WeightedAvg extends AggregateFunction<Long, WeightedAvg.Acc> {
        /** The running sums. */
        public static class Acc {
            public long sum;
            public long count;
        }

        @Override
        public Acc createAccumulator() {
            return new Acc();
        }

        public void accumulate(Acc acc, Integer value, Integer weight) {
            if (value != null && weight != null) {
                acc.sum += (long) value * weight;
                acc.count += weight;
            }
        }

        public void retract(Acc acc, Integer value, Integer weight) {
            if (value != null && weight != null) {
                acc.sum -= (long) value * weight;
                acc.count -= weight;
            }
        }

        @Override
        public Long getValue(Acc acc) {
            return acc.count == 0 ? null : acc.sum / acc.count;
        }
    }

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path lines = csv(dir, "lines", "1,hello world,10,1", "2,a b c,20,3", "3,,30,1");
        env.executeSql("CREATE TABLE lines (id INT, text STRING, price INT, weight INT) WITH ('connector' = 'filesystem', "
                + "'path' = '" + lines + "', 'format' = 'csv', 'csv.null-literal' = '')");
    }

    @Test
    void aScalarFunctionsEvalOverloadIsChosenByTheArgumentTypes() throws Exception {
        env.createTemporarySystemFunction("twice", Twice.class);
        assertThat(rows(env, "SELECT id, TWICE(text), twice(price), twice(id) FROM lines"))
                .containsExactly("+I[1, hello worldhello world, 20, 2]", "+I[2, a b ca b c, 40, 4]",
                        "+I[3, null, 60, 6]");
    }

    @Test
    void aDataTypeHintDeclaresADecimalResult() throws Exception {
        env.createTemporarySystemFunction("with_tax", new WithTax());
        assertThat(rows(env, "SELECT id, with_tax(price) FROM lines WHERE id < 3"))
                .containsExactly("+I[1, 11.90]", "+I[2, 23.80]");
    }

    @Test
    void createFunctionRegistersAClassByNameAndDropFunctionRemovesIt() throws Exception {
        env.executeSql("CREATE TEMPORARY SYSTEM FUNCTION twice AS '" + Twice.class.getName() + "' LANGUAGE JAVA");
        assertThat(rows(env, "SHOW USER FUNCTIONS")).containsExactly("+I[twice]");
        assertThat(rows(env, "SELECT twice(id) FROM lines WHERE id = 1")).containsExactly("+I[2]");
        env.executeSql("DROP TEMPORARY SYSTEM FUNCTION twice");
        assertThatThrownBy(() -> env.executeSql("SELECT twice(id) FROM lines"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("No match found for function signature twice(<NUMERIC>)");
    }

    @Test
    void aTableFunctionJoinsEachRowWithTheRowsItEmits() throws Exception {
        env.createTemporarySystemFunction("split", Split.class);
        assertThat(rows(env, "SELECT id, word, length FROM lines, LATERAL TABLE(split(text))"))
                .containsExactly("+I[1, hello, 5]", "+I[1, world, 5]", "+I[2, a, 1]", "+I[2, b, 1]", "+I[2, c, 1]");
        assertThat(rows(env, "SELECT id, w FROM lines LEFT JOIN LATERAL TABLE(split(text)) AS T(w, n) ON TRUE WHERE id <> 2"))
                .containsExactly("+I[1, hello]", "+I[1, world]", "+I[3, null]");
    }

    @Test
    void aTableFunctionOfSingleValuesHasOneColumnF0() throws Exception {
        env.createTemporarySystemFunction("letters", new Letters());
        assertThat(rows(env, "SELECT id, f0 FROM lines, LATERAL TABLE(letters(CAST(id AS STRING) || 'x'))"))
                .containsExactly("+I[1, 1]", "+I[1, x]", "+I[2, 2]", "+I[2, x]", "+I[3, 3]", "+I[3, x]");
    }

    @Test
    void anAggregateFunctionAggregatesAndRetracts() throws Exception {
        env.createTemporaryFunction("wavg", WeightedAvg.class);
        assertThat(rows(env, "SELECT wavg(price, weight) FROM lines"))
                .containsExactly("+I[10]", "-U[10]", "+U[17]", "-U[17]", "+U[20]");
        assertThat(rows(env, "SELECT wavg(s, 1) FROM (SELECT weight, SUM(price) AS s FROM lines GROUP BY weight)"))
                .containsExactly("+I[10]", "-U[10]", "+U[15]", "-U[15]", "+U[20]", "-U[20]", "+U[30]");
    }

    @Test
    void aCallWithArgumentsNoMethodTakesIsRefusedWithItsPositionAndTheSignatures() {
        env.createTemporarySystemFunction("wavg", WeightedAvg.class);
        assertThatThrownBy(() -> env.executeSql("SELECT wavg(CAST(id AS BIGINT), 1) FROM lines"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("From line 1, column 8 to line 1, column 34: Cannot apply 'wavg' to arguments of type "
                        + "'wavg(<BIGINT>, <INTEGER>)'. Supported form(s): wavg(Integer, Integer)");
    }
}
