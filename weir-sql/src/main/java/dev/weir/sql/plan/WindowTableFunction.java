package dev.weir.sql.plan;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's window table-valued functions TUMBLE, HOP, CUMULATE and SESSION: Calcite's operand checking, and Flink's result
 * columns: the input's columns, then {@code window_start} and {@code window_end} (TIMESTAMP(3) NOT NULL) and
 * {@code window_time} (the time column's type at precision 3, the window's event time {@code window_end - 1 ms}).
 */
final class WindowTableFunction extends SqlWindowTableFunction {
    static final WindowTableFunction TUMBLE = new WindowTableFunction("TUMBLE", (SqlWindowTableFunction) SqlStdOperatorTable.TUMBLE);
    static final WindowTableFunction HOP = new WindowTableFunction("HOP", (SqlWindowTableFunction) SqlStdOperatorTable.HOP);
    /** CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset]): HOP's operands, step in the slide's place. */
    static final WindowTableFunction CUMULATE = new WindowTableFunction("CUMULATE", (SqlWindowTableFunction) SqlStdOperatorTable.HOP);

    /**
     * SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(ts), gap): Flink 1.19's form, which {@link SessionPartitionRewrite}
     * turns into Calcite's {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), gap)} before validation.
     */
    static final WindowTableFunction SESSION = new WindowTableFunction("SESSION", (SqlWindowTableFunction) SqlStdOperatorTable.SESSION);

    static final List<WindowTableFunction> ALL = List.of(TUMBLE, HOP, CUMULATE, SESSION);

    private WindowTableFunction(String name, SqlWindowTableFunction operandsLike) {
        super(name, operandsLike.getOperandTypeChecker());
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return WindowTableFunction::inferRowType;
    }

    private static RelDataType inferRowType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType input = binding.getOperandType(0);
        RelDataType timeType = factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
        if (binding instanceof SqlCallBinding) {
            SqlNode descriptor = ((SqlCallBinding) binding).operand(1);
            if (descriptor instanceof SqlCall && !((SqlCall) descriptor).getOperandList().isEmpty()) {
                SqlNode column = ((SqlCall) descriptor).getOperandList().get(0);
                String name = column instanceof SqlIdentifier ? ((SqlIdentifier) column).getSimple() : null;
                RelDataTypeField field = name == null ? null : input.getField(name, true, false);
                if (field != null && field.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                    timeType = factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
                }
            }
        }
        RelDataType bound = factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
        return factory.builder()
                .kind(input.getStructKind())
                .addAll(input.getFieldList())
                .add("window_start", bound)
                .add("window_end", bound)
                .add("window_time", timeType)
                .build();
    }
}
