package dev.weir.table.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the SQL type of a user-defined function's result, parameter or emitted rows, where the Java type does not
 * say it, as in Flink: {@code @DataTypeHint("DECIMAL(10, 2)")}, {@code @DataTypeHint("ROW<word STRING, n INT>")}.
 * Weir reads the type string ({@link #value}); Flink's other hint attributes are not supported.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface DataTypeHint {
    /** The SQL type, in Flink's syntax. */
    String value() default "";
}
