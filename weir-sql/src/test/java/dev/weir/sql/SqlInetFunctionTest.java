package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * INET_ATON (whose parts are bytes, also in the short forms) and INET_NTOA give Flink 2.3's rows (recorded by running the same queries on Flink 2.3; the same rows are
 * compared with Flink's in weir-sql-compat's FunctionCases), and a wrong argument type is refused while planning.
 */
class SqlInetFunctionTest {
    @Test
    void inetAtonReadsDottedAndShortFormsAndGivesNullForAnythingElse() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        assertThat(rows(env, "SELECT INET_ATON('192.168.1.1'), INET_ATON('1.2.3'), INET_ATON('1.2'), INET_ATON('1'), "
                + "INET_ATON('010.0.0.1'), INET_ATON('x'), INET_ATON('256.1.1.1'), INET_ATON(' 1.2.3.4'), INET_ATON('1.2.3.4.5'), "
                + "INET_ATON(''), INET_ATON(CAST(NULL AS STRING)), INET_ATON('1..3.4'), INET_ATON('0x7f.1'), INET_ATON('+1.2.3.4'), "
                + "INET_ATON('1.2.70000'), INET_ATON('1.16777216'), INET_ATON('1.2.3.'), INET_ATON('1.2.255'), INET_ATON('128.1'), "
                + "INET_ATON('1.256'), INET_ATON('2147483647')")).containsExactly(
                "+I[3232235777, 16908291, 16777218, 1, 167772161, null, null, null, null, null, null, null, null, null, null, null, "
                        + "null, 16908543, 2147483649, null, null]");
    }

    @Test
    void inetNtoaWritesNumbersFromZeroToTwoToTheThirtyTwoMinusOneAndGivesNullOutsideThem() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        assertThat(rows(env, "SELECT INET_NTOA(3232235777), INET_NTOA(-1), INET_NTOA(0), INET_NTOA(4294967295), "
                + "INET_NTOA(4294967296), INET_NTOA(16908291), INET_NTOA(CAST(NULL AS BIGINT)), INET_NTOA(CAST(7 AS INT)), "
                + "TYPEOF(INET_NTOA(1)), TYPEOF(INET_ATON('1'))")).containsExactly(
                "+I[192.168.1.1, null, 0.0.0.0, 255.255.255.255, null, 1.2.0.3, null, 0.0.0.7, STRING, BIGINT]");
    }

    @Test
    void anArgumentOfAnotherTypeIsRefusedWithItsPlace() {
        TableEnvironment env = SqlTestSupport.env();
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT\n INET_NTOA('1.2.3.4')"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. From line 2, column 2 "
                + "to line 2, column 21: Cannot apply 'INET_NTOA' to arguments of type 'INET_NTOA(<CHAR(7)>)'. Supported "
                + "form(s): INET_NTOA(<INTEGER>)");
        assertThat(catchThrowable(() -> env.executeSql("SELECT INET_ATON(1)"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Cannot apply 'INET_ATON' to arguments of type 'INET_ATON(<INTEGER>)'. Supported form(s): "
                        + "INET_ATON(<CHARACTER>)");
    }
}
