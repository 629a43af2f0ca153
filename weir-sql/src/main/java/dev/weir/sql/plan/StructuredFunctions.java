package dev.weir.sql.plan;

import dev.weir.table.api.ValidationException;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Flink 2.2+'s OBJECT_OF(class, name, value, ...) and OBJECT_UPDATE(object, name, value, ...), which build and change a
 * value of Flink's STRUCTURED type (a row named by a class: {@code STRUCTURED<'com.x.User', `name` CHAR(3) NOT NULL,
 * `age` INT NOT NULL>}): a call is refused before validation, whatever its arguments, with its place and the ROW to
 * write instead, rather than as an unknown function. Weir's row types carry no class name, so they cannot give
 * Flink's type.
 */
final class StructuredFunctions {
    private StructuredFunctions() {
    }

    /** Refuses the first OBJECT_OF or OBJECT_UPDATE call of {@code parsed}; returns it unchanged when it has none. */
    static SqlNode check(SqlNode parsed) {
        parsed.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
                if (name.equals("OBJECT_OF")) {
                    throw refusal(call, "build a ROW of the values instead: ROW('Bob', 42), or CAST(ROW('Bob', 42) AS "
                            + "ROW<name STRING, age INT>) to name its fields");
                }
                if (name.equals("OBJECT_UPDATE")) {
                    throw refusal(call, "build a new ROW from the old one's fields instead: ROW(u.name, 43)");
                }
                return super.visit(call);
            }
        });
        return parsed;
    }

    private static ValidationException refusal(SqlCall call, String instead) {
        return new ValidationException(PlanPositions.at("Weir SQL does not support the function " + call.getOperator().getName()
                .toUpperCase(Locale.ROOT) + " yet: it gives a value of Flink's STRUCTURED type (a row named by a class), which "
                + "Weir's row types do not carry; " + instead, call.getParserPosition()));
    }
}
