package dev.weir.sql.udf;

import dev.weir.table.api.TableException;
import dev.weir.table.functions.FunctionContext;
import dev.weir.table.functions.UserDefinedFunction;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Calls one method of a user-defined function: resolved by name and parameter types once per copy (a
 * {@link Method} is not serializable), the function opened before its first call. Arguments arrive in internal form
 * and are converted to the parameters' Java types; a NULL for a primitive parameter skips the call and gives NULL.
 */
public final class FunctionInvoker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UserDefinedFunction function;
    private final String functionName;
    private final String methodName;
    private final Class<?>[] parameterTypes;
    private transient Method method;
    private transient Object[] arguments;

    public FunctionInvoker(UserDefinedFunction function, String functionName, Method method) {
        this.function = function;
        this.functionName = functionName;
        this.methodName = method.getName();
        this.parameterTypes = method.getParameterTypes();
    }

    public UserDefinedFunction function() {
        return function;
    }

    public int arity() {
        return parameterTypes.length;
    }

    /**
     * Calls the method with {@code leading} (an accumulator, or null for none) followed by {@code values} converted
     * from internal form; returns the raw result, or null without calling when a primitive parameter would get NULL.
     */
    public Object invoke(Object leading, Object[] values) {
        if (method == null) {
            open();
        }
        int offset = leading == null ? 0 : 1;
        if (leading != null) {
            arguments[0] = leading;
        }
        for (int i = 0; i < values.length; i++) {
            Class<?> type = parameterTypes[offset + i];
            Object value = JavaValues.toJava(values[i], type);
            if (value == null && type.isPrimitive()) {
                return null;
            }
            arguments[offset + i] = value;
        }
        try {
            return method.invoke(function, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof VirtualMachineError error) {
                // As from Flink's generated code, which calls eval directly: an OutOfMemoryError or StackOverflowError
                // fails the job as itself, and wrapping it would need memory or stack there may be none of.
                throw error;
            }
            throw new TableException("User-defined function " + functionName + " (" + function.getClass().getName() + "."
                    + methodName + ") failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new TableException("User-defined function " + functionName + ": " + function.getClass().getName()
                    + " and its method " + methodName + " must be public", e);
        }
    }

    private void open() {
        try {
            Method m = function.getClass().getMethod(methodName, parameterTypes);
            m.setAccessible(true);
            function.open(new FunctionContext(Map.of()));
            arguments = new Object[parameterTypes.length];
            method = m;
        } catch (Exception e) {
            throw new TableException("User-defined function " + functionName + " (" + function.getClass().getName()
                    + ") could not be opened: " + e, e);
        }
    }
}
