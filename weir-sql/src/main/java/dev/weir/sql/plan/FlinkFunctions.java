package dev.weir.sql.plan;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** Flink's scalar functions that Calcite's standard library lacks, with Flink's signatures and result types. */
public final class FlinkFunctions {
    private static final SqlReturnTypeInference NULLABLE_STRING =
            ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE).andThen(SqlTypeTransforms.TO_NULLABLE);

    /** TO_TIMESTAMP_LTZ(epoch, precision): epoch seconds (precision 0) or milliseconds (3) to TIMESTAMP_LTZ(3). */
    public static final SqlFunction TO_TIMESTAMP_LTZ = new SqlFunction("TO_TIMESTAMP_LTZ", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3).andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), SqlFunctionCategory.TIMEDATE);
    /** TO_TIMESTAMP(string [, format]): a 'yyyy-MM-dd HH:mm:ss' string (or the given pattern) to TIMESTAMP(3). */
    public static final SqlFunction TO_TIMESTAMP = new SqlFunction("TO_TIMESTAMP", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING), SqlFunctionCategory.TIMEDATE);
    /** UNIX_TIMESTAMP(string [, format]): seconds since the epoch of a timestamp string in the session zone. */
    public static final SqlFunction UNIX_TIMESTAMP = new SqlFunction("UNIX_TIMESTAMP", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING),
            SqlFunctionCategory.TIMEDATE);
    /** FROM_UNIXTIME(seconds [, format]): the time as a string, 'yyyy-MM-dd HH:mm:ss' by default, in the session zone. */
    public static final SqlFunction FROM_UNIXTIME = new SqlFunction("FROM_UNIXTIME", SqlKind.OTHER_FUNCTION,
            NULLABLE_STRING, null, OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.family(SqlTypeFamily.NUMERIC,
                    SqlTypeFamily.STRING)), SqlFunctionCategory.TIMEDATE);
    /** DATE_FORMAT(timestamp, format): the timestamp formatted with a Java date pattern. */
    public static final SqlFunction DATE_FORMAT = new SqlFunction("DATE_FORMAT", SqlKind.OTHER_FUNCTION,
            NULLABLE_STRING, null, OperandTypes.or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.STRING),
                    OperandTypes.STRING_STRING), SqlFunctionCategory.TIMEDATE);
    /** CONCAT(s1, s2, ...): the strings joined; null if any is null. */
    public static final SqlFunction CONCAT = new SqlFunction("CONCAT", SqlKind.OTHER_FUNCTION, NULLABLE_STRING, null,
            OperandTypes.repeat(org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.STRING),
            SqlFunctionCategory.STRING);

    /**
     * PROCTIME(): the processing time, TIMESTAMP_LTZ(3) NOT NULL, as Flink's; declared as a computed column
     * ({@code proc_time AS PROCTIME()}) it is the time attribute of processing-time lookup joins.
     */
    public static final SqlFunction PROCTIME = new RuntimeValue("PROCTIME",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC);

    /**
     * CURRENT_WATERMARK(rowtime): the current watermark of the operator evaluating it, of the rowtime column's type,
     * NULL before the first watermark, as in Flink ({@code WHERE CURRENT_WATERMARK(ts) IS NULL OR ts >
     * CURRENT_WATERMARK(ts)} drops late rows). Weir evaluates it in a projection or filter (a Calc).
     */
    public static final SqlFunction CURRENT_WATERMARK = new RuntimeValue("CURRENT_WATERMARK",
            ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.DATETIME);

    /** REGEXP_EXTRACT(s, regex [, group]): the group (0: the whole match) of the first match of regex in s. */
    public static final SqlFunction REGEXP_EXTRACT = new SqlFunction("REGEXP_EXTRACT", SqlKind.OTHER_FUNCTION, NULLABLE_STRING,
            null, OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING,
                    SqlTypeFamily.INTEGER)), SqlFunctionCategory.STRING);
    /** SPLIT_INDEX(s, separator, index): the index-th piece (from 0) of s split at separator. */
    public static final SqlFunction SPLIT_INDEX = new SqlFunction("SPLIT_INDEX", SqlKind.OTHER_FUNCTION, NULLABLE_STRING, null,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER), SqlFunctionCategory.STRING);

    static final List<SqlFunction> ALL = List.of(TO_TIMESTAMP_LTZ, TO_TIMESTAMP, UNIX_TIMESTAMP, FROM_UNIXTIME, DATE_FORMAT, CONCAT,
            PROCTIME, CURRENT_WATERMARK, REGEXP_EXTRACT, SPLIT_INDEX);

    private FlinkFunctions() {
    }

    /** A time function whose value is known only when a row is evaluated: never folded to a constant at planning time. */
    private static final class RuntimeValue extends SqlFunction {
        RuntimeValue(String name, SqlReturnTypeInference returnType, org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
            super(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.TIMEDATE);
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
