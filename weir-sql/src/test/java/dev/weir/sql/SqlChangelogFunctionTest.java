package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TO_CHANGELOG and FROM_CHANGELOG give Flink 2.3's rows (recorded from Flink 2.3) and refuse Flink's bad arguments
 * with Flink's message, the argument's place and what to write instead. Serial, so that each key's changes arrive in
 * one order.
 */
class SqlChangelogFunctionTest {
    private TableEnvironment env;

    @BeforeEach
    void views() {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        env.executeSql("CREATE VIEW v AS SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (1, 'c'), (3, 'd')) AS t(id, name)");
        env.executeSql("CREATE VIEW agg AS SELECT id, COUNT(*) AS cnt, MAX(name) AS mx FROM v GROUP BY id");
        env.executeSql("CREATE VIEW cdc AS SELECT * FROM (VALUES (1, 'c', 'a'), (2, 'r', 'b'), (1, 'ub', 'a'), (1, 'u', 'c'), "
                + "(2, 'd', 'b'), (3, 'c', 'd')) AS t(id, __op, name)");
    }

    @Test
    void toChangelogAppendsEachChangeOfAnUpdatingTableWithItsOperationInFront() throws Exception {
        assertThat(rows(env, "SELECT * FROM TO_CHANGELOG(input => TABLE agg)")).containsExactly("+I[INSERT, 1, 1, a]",
                "+I[INSERT, 2, 1, b]", "+I[UPDATE_BEFORE, 1, 1, a]", "+I[UPDATE_AFTER, 1, 2, c]", "+I[INSERT, 3, 1, d]");
        assertThat(env.sqlQuery("SELECT * FROM TO_CHANGELOG(input => TABLE agg)").getResolvedSchema().toString())
                .isEqualTo("(\n  `op` STRING,\n  `id` INT NOT NULL,\n  `cnt` BIGINT NOT NULL,\n  `mx` CHAR(1) NOT NULL\n)");
    }

    @Test
    void toChangelogWritesTheMappedCodesInTheNamedColumnAndDropsUnmappedOperations() throws Exception {
        assertThat(rows(env, "SELECT * FROM TO_CHANGELOG(input => TABLE agg, op_mapping => MAP['INSERT, UPDATE_AFTER', 'UPSERT', "
                + "'UPDATE_BEFORE', 'UB'], op => DESCRIPTOR(kind))")).containsExactly("+I[UPSERT, 1, 1, a]", "+I[UPSERT, 2, 1, b]",
                "+I[UB, 1, 1, a]", "+I[UPSERT, 1, 2, c]", "+I[UPSERT, 3, 1, d]");
        assertThat(rows(env, "SELECT * FROM TO_CHANGELOG(TABLE agg, DESCRIPTOR(kind), MAP['INSERT', 'I'])"))
                .containsExactly("+I[I, 1, 1, a]", "+I[I, 2, 1, b]", "+I[I, 3, 1, d]");
    }

    @Test
    void fromChangelogTurnsCodedRowsIntoAnUpdatingTableAndBack() throws Exception {
        String updating = "SELECT * FROM FROM_CHANGELOG(input => TABLE cdc, op => DESCRIPTOR(__op), "
                + "op_mapping => MAP['c, r', 'INSERT', 'ub', 'UPDATE_BEFORE', 'u', 'UPDATE_AFTER', 'd', 'DELETE'])";
        assertThat(rows(env, updating)).containsExactly("+I[1, a]", "+I[2, b]", "-U[1, a]", "+U[1, c]", "-D[2, b]", "+I[3, d]");
        assertThat(rows(env, "SELECT * FROM TO_CHANGELOG(input => (" + updating + "))")).containsExactly("+I[INSERT, 1, a]",
                "+I[INSERT, 2, b]", "+I[UPDATE_BEFORE, 1, a]", "+I[UPDATE_AFTER, 1, c]", "+I[DELETE, 2, b]", "+I[INSERT, 3, d]");
    }

    @Test
    void badArgumentsAreRefusedWithFlinksMessageThePlaceAndTheFix() {
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM TO_CHANGELOG(input => TABLE agg, op_mapping => MAP['INSERT', 'I', "
                + "'FOO', 'F'])")).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. From line 1, column 62 "
                + "to line 1, column 91: Invalid target mapping for argument 'op_mapping'. Unknown change operation: 'FOO'. Valid "
                + "values are: [INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE]. To fix it, name each of INSERT, UPDATE_BEFORE, "
                + "UPDATE_AFTER and DELETE at most once among the keys, e.g. op_mapping => MAP['INSERT, UPDATE_AFTER', 'U', "
                + "'DELETE', 'D'].");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM TO_CHANGELOG(input => TABLE agg, op => DESCRIPTOR(id))"))
                .hasMessage("SQL validation failed. From line 1, column 54 to line 1, column 67: Field names must be unique. Found "
                        + "duplicates: [id] To fix it, name the op column after none of the input's columns [id, cnt, mx], e.g. "
                        + "op => DESCRIPTOR(change_op).");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM FROM_CHANGELOG(input => TABLE cdc, op => DESCRIPTOR(id))"))
                .hasMessage("SQL validation failed. From line 1, column 56 to line 1, column 69: The op column 'id' must be of "
                        + "STRING type, but was 'INT NOT NULL'. To fix it, name a STRING column in op => DESCRIPTOR(...), or CAST "
                        + "the codes to STRING in a query passed as input => (SELECT ...).");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM FROM_CHANGELOG(input => TABLE cdc, op => DESCRIPTOR(__op), "
                + "op_mapping => MAP['c', 'INSERT', 'd', 'DELETE'])")).hasMessageContaining("The 'op_mapping' must include "
                + "UPDATE_BEFORE for retract mode. Upsert mode (without UPDATE_BEFORE) is not supported in this version.");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM TO_CHANGELOG(input => TABLE agg PARTITION BY id)"))
                .hasMessage("SQL validation failed. From line 1, column 15 to line 1, column 62: Only tables with set semantics "
                        + "may be partitioned. Invalid PARTITION BY clause in the 0-th operand of table function 'TO_CHANGELOG'");
    }

    @Test
    void anUpdatingInputOfFromChangelogIsRefusedWhilePlanning() {
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM FROM_CHANGELOG(input => (SELECT id, CAST(cnt AS STRING) AS op "
                + "FROM agg))")).isInstanceOf(ValidationException.class).hasMessageContaining("FROM_CHANGELOG doesn't support "
                + "consuming update changes");
    }

    @Test
    void anUnknownCodeFailsTheJobWithFlinksMessageAndTheRow() {
        assertThatThrownBy(() -> rows(env, "SELECT * FROM FROM_CHANGELOG(input => TABLE cdc, op => DESCRIPTOR(__op))"))
                .hasMessageContaining("Received invalid op code 'c'. Defined op codes are: [UPDATE_BEFORE, DELETE, INSERT, "
                        + "UPDATE_AFTER]. FROM_CHANGELOG read it in the row +I[1, c, a]; add the code to op_mapping");
    }
}
