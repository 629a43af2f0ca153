package dev.weir.sql.udf;

import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.ValidationException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Picks the public method named {@code eval} (or {@code accumulate}) of a user-defined function that a call's
 * argument types fit, as Flink's type inference does: an exact match first, then one the arguments widen to.
 * {@code skip} leading parameters (an aggregate's accumulator) are not arguments.
 */
public final class Evals {
    private Evals() {
    }

    public static List<Method> named(Class<?> type, String name) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        if (methods.isEmpty()) {
            throw new ValidationException("Function class " + type.getName() + " has no public method '" + name
                    + "'; a user-defined function declares its logic in public " + name + "(...) methods");
        }
        return methods;
    }

    /**
     * An aggregate function's {@code merge(ACC accumulator, Iterable<ACC> others)}, or null when it has none (Flink's
     * signature: the window operators merge slices and sessions through it).
     */
    public static Method merge(Class<?> type) {
        Method merge = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals("merge") && m.getParameterCount() == 2 && Iterable.class.isAssignableFrom(m.getParameterTypes()[1])) {
                merge = m;
            }
        }
        return merge;
    }

    /** The method for {@code operands}, or null when none fits. */
    public static Method choose(List<Method> methods, List<RelDataType> operands, int skip) {
        for (boolean exact : new boolean[] {true, false}) {
            for (Method m : methods) {
                if (fits(m, operands, skip, exact)) {
                    return m;
                }
            }
        }
        return null;
    }

    /**
     * An aggregate's {@code accumulate} for the call's arguments, the input fields {@code args} of rows of
     * {@code inputType}, or null when none fits.
     */
    public static Method accumulate(List<Method> accumulates, int[] args, RelDataType inputType) {
        List<RelDataType> types = new ArrayList<>(args.length);
        for (int arg : args) {
            types.add(inputType.getFieldList().get(arg).getType());
        }
        return choose(accumulates, types, 1);
    }

    /** The input fields an aggregate call reads, in its argument order. */
    public static int[] arguments(AggregateCall call) {
        int[] args = new int[call.getArgList().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = call.getArgList().get(i);
        }
        return args;
    }

    private static boolean fits(Method m, List<RelDataType> operands, int skip, boolean exact) {
        Class<?>[] params = m.getParameterTypes();
        if (params.length - skip != operands.size()) {
            return false;
        }
        for (int i = 0; i < operands.size(); i++) {
            DataTypeHint hint = m.getParameters()[skip + i].getAnnotation(DataTypeHint.class);
            if (!JavaTypes.accepts(params[skip + i], hint, operands.get(i), exact)) {
                return false;
            }
        }
        return true;
    }

    /** The signatures, for an error listing what the function takes. */
    public static String signatures(String function, List<Method> methods, int skip) {
        List<String> all = new ArrayList<>();
        for (Method m : methods) {
            List<String> params = new ArrayList<>();
            Class<?>[] types = m.getParameterTypes();
            for (int i = skip; i < types.length; i++) {
                params.add(types[i].getSimpleName());
            }
            all.add(function + "(" + String.join(", ", params) + ")");
        }
        return String.join(", ", all);
    }
}
