package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.TableCharacteristic;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink 2.3's built-in process table functions TO_CHANGELOG and FROM_CHANGELOG, called with Flink's named arguments
 * {@code input => TABLE t, op => DESCRIPTOR(name), op_mapping => MAP[...], on_time => DESCRIPTOR(ts), uid => '...'}
 * (or positionally, in that order). The table argument has row semantics, as in Flink 2.3: Calcite refuses a PARTITION
 * BY on it with Flink's message. TO_CHANGELOG's rows are the op column (STRING) followed by the input's columns;
 * FROM_CHANGELOG's are the input's columns without the op column. {@link ChangelogArguments} checks the arguments.
 */
final class ChangelogFunction extends SqlFunction implements SqlTableFunction {
    static final ChangelogFunction TO_CHANGELOG = new ChangelogFunction("TO_CHANGELOG", true);
    static final ChangelogFunction FROM_CHANGELOG = new ChangelogFunction("FROM_CHANGELOG", false);
    static final List<ChangelogFunction> ALL = List.of(TO_CHANGELOG, FROM_CHANGELOG);

    /** Flink's parameter names, in their positional order. */
    static final List<String> PARAMETERS = List.of("input", "op", "op_mapping", "on_time", "uid");

    private final boolean toChangelog;

    private ChangelogFunction(String name, boolean toChangelog) {
        super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new Operands(),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.toChangelog = toChangelog;
    }

    /**
     * {@code call}'s arguments in Flink's order ({@link #PARAMETERS}), whether passed by name or by position; null for
     * one left out or given as DEFAULT.
     */
    static SqlNode[] arguments(SqlCall call) {
        return arguments(call, true);
    }

    /** {@link #arguments(SqlCall)}, with named ones as their {@code value => name} nodes unless {@code unwrap}. */
    static SqlNode[] arguments(SqlCall call, boolean unwrap) {
        SqlNode[] arguments = new SqlNode[PARAMETERS.size()];
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            SqlNode value = operand;
            int at = i;
            if (operand != null && operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                at = PARAMETERS.indexOf(((SqlIdentifier) ((SqlCall) operand).operand(1)).getSimple());
                value = ((SqlCall) operand).operand(0);
            }
            if (at >= 0 && at < arguments.length && value != null && !isDefault(value)) {
                arguments[at] = unwrap ? value : operand;
            }
        }
        return arguments;
    }

    /** Whether this is TO_CHANGELOG (an updating table to an append-only one), not FROM_CHANGELOG. */
    boolean toChangelog() {
        return toChangelog;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return this::inferRowType;
    }

    @Override
    public TableCharacteristic tableCharacteristic(int ordinal) {
        return ordinal == 0 ? TableCharacteristic.builder(TableCharacteristic.Semantics.ROW).passColumnsThrough().build() : null;
    }

    @Override
    public boolean argumentMustBeScalar(int ordinal) {
        return ordinal != 0;
    }

    private RelDataType inferRowType(SqlOperatorBinding binding) {
        return rowType(binding.getTypeFactory(), binding.getOperandType(0),
                ChangelogArguments.of((SqlCallBinding) binding, this).opColumn());
    }

    /** The op column's name as {@code call} gives it, {@code op} by default. */
    static String opColumn(SqlCall call) {
        SqlNode op = arguments(call)[1];
        return op == null || op.getKind() != SqlKind.DESCRIPTOR ? "op" : ((SqlIdentifier) ((SqlCall) op).operand(0)).getSimple();
    }

    /** Whether {@code node} is DEFAULT, as written or as Calcite casts it when it puts named arguments in order. */
    private static boolean isDefault(SqlNode node) {
        return node.getKind() == SqlKind.DEFAULT
                || node.getKind() == SqlKind.CAST && ((SqlCall) node).operand(0).getKind() == SqlKind.DEFAULT;
    }

    /** The rows of this function over rows of {@code input} with the op column {@code opColumn}. */
    RelDataType rowType(RelDataTypeFactory factory, RelDataType input, String opColumn) {
        List<RelDataTypeField> fields = new ArrayList<>(input.getFieldList());
        RelDataTypeFactory.Builder row = factory.builder();
        if (toChangelog) {
            row.add(opColumn, factory.createTypeWithNullability(
                    factory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true));
            row.addAll(fields);
        } else {
            for (RelDataTypeField field : fields) {
                if (!field.getName().equals(opColumn)) {
                    row.add(field);
                }
            }
        }
        return row.build();
    }

    /** The parameters' names, optionality and checks; the checks themselves are {@link ChangelogArguments}'. */
    private static final class Operands implements SqlOperandMetadata {
        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            RelDataType any = typeFactory.createSqlType(SqlTypeName.ANY);
            List<RelDataType> types = new ArrayList<>();
            for (int i = 0; i < PARAMETERS.size(); i++) {
                types.add(any);
            }
            return types;
        }

        @Override
        public List<String> paramNames() {
            return PARAMETERS;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            ChangelogArguments.of(binding, (ChangelogFunction) binding.getOperator());
            return true;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(1, PARAMETERS.size());
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(input => TABLE t, op => DESCRIPTOR(op), op_mapping => MAP<STRING, STRING>, "
                    + "on_time => DESCRIPTOR(ts), uid => STRING)";
        }

        @Override
        public boolean isOptional(int i) {
            return i > 0;
        }
    }
}
