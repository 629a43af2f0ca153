package dev.weir.engine.operators;

import dev.weir.api.common.InvalidProgramException;

/**
 * Gives each parallel subtask its own instance of a user function, as Flink does, so that fields (and the runtime
 * context of a rich function) are not shared between threads. The copy is made once, when the job starts, by Java
 * serialization of the function object; records are never copied. A function that holds only final values (or
 * nothing) is shared instead: no subtask could change it, and a copy would differ from it in identity only.
 */
public final class FunctionCopier {
    private FunctionCopier() {
    }

    /**
     * Returns {@code function} itself when the operator runs in one subtask, else a deep copy.
     *
     * @throws InvalidProgramException naming the operator when the function cannot be copied
     */
    public static <F> F copyFor(F function, int parallelism, String operator) {
        if (parallelism == 1 || function == null) {
            return function;
        }
        return copy(function, operator + " runs in " + parallelism + " parallel subtasks, so each needs its own copy of its function");
    }

    /**
     * A deep copy of {@code function} whatever the parallelism: for functions whose fields must start fresh in every
     * attempt, such as a legacy source's running flag, which its {@code cancel()} cleared in the attempt before.
     */
    public static <F> F copyForAttempt(F function, String operator) {
        return function == null ? null : copy(function, operator + " starts every attempt with a fresh copy of its function, "
                + "as Flink deserializes it for every attempt");
    }

    private static <F> F copy(F function, String why) {
        if (ValueOnlyClasses.isValueOnly(function.getClass())) {
            return function;
        }
        ClosureCleaner.clean(function);
        return SerializedCopy.of(function, why);
    }
}
