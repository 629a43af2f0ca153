package dev.weir.table.functions;

/**
 * A user-defined scalar function: one or more public {@code eval} methods map the arguments of one call to one value,
 * as in Flink. The SQL argument and result types follow from the Java types of {@code eval} ({@code String} is
 * STRING, {@code Integer}/{@code int} INT, {@code Long}/{@code long} BIGINT, {@code Double} DOUBLE, {@code Boolean}
 * BOOLEAN, {@code LocalDateTime} TIMESTAMP(3), ...); a {@code BigDecimal} needs a
 * {@link dev.weir.table.annotation.DataTypeHint} such as {@code @DataTypeHint("DECIMAL(10, 2)")}. A NULL argument to
 * a primitive parameter gives NULL without calling {@code eval}.
 */
public abstract class ScalarFunction extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;
}
