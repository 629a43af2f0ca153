package dev.weir.table.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the result type of a user-defined function on its class, as Flink's {@code @FunctionHint(output =
 * @DataTypeHint("ROW<x INT, y INT>"))} does: for a function whose result type its Java signature does not say (a
 * {@code Row}). Weir reads {@link #output} on the class; Flink's other attributes are not supported.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FunctionHint {
    /** The type of the function's result (of the rows it emits, for a table or table aggregate function). */
    DataTypeHint output() default @DataTypeHint;
}
