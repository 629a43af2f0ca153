package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * OBJECT_OF and OBJECT_UPDATE, which give Flink's STRUCTURED type (a row named by a class) that Weir's row types do not
 * carry, are refused while planning with their place and the ROW to write instead, whatever their arguments.
 */
class SqlStructuredFunctionRefusalTest {
    private final TableEnvironment env = SqlTestSupport.env();

    @Test
    void objectOfIsRefusedWithItsPlaceAndTheRowToWriteInstead() {
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT 1,\n  OBJECT_OF('com.x.User', 'name', 'Bob', 'age', 42)"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("At line 2, column 3: "
                + "Weir SQL does not support the function OBJECT_OF yet: it gives a value of Flink's STRUCTURED type (a row "
                + "named by a class), which Weir's row types do not carry; build a ROW of the values instead: ROW('Bob', 42), "
                + "or CAST(ROW('Bob', 42) AS ROW<name STRING, age INT>) to name its fields");
    }

    @Test
    void objectOfWithAnOddArgumentCountIsRefusedTheSameWay() {
        assertThat(catchThrowable(() -> env.executeSql("SELECT OBJECT_OF('com.x.User', 'name')")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 1, column 8: Weir SQL does not support the function OBJECT_OF yet");
    }

    @Test
    void objectUpdateIsRefusedWithItsPlaceAndTheRowToWriteInstead() {
        assertThat(catchThrowable(() -> env.executeSql("SELECT OBJECT_UPDATE(OBJECT_OF('com.x.User', 'age', 42), 'age', 43)")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("At line 1, column 8: Weir SQL does not support "
                        + "the function OBJECT_UPDATE yet");
        assertThat(catchThrowable(() -> env.executeSql("SELECT OBJECT_UPDATE(ROW(1, 2), 'f0', 3)")))
                .isInstanceOf(ValidationException.class).hasMessage("At line 1, column 8: Weir SQL does "
                        + "not support the function OBJECT_UPDATE yet: it gives a value of Flink's STRUCTURED type (a row named "
                        + "by a class), which Weir's row types do not carry; build a new ROW from the old one's fields instead: "
                        + "ROW(u.name, 43)");
    }
}
