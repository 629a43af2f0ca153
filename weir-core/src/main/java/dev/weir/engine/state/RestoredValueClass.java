package dev.weir.engine.state;

import dev.weir.api.common.state.StateDescriptor;

/**
 * The check every backend makes when a restored value state is registered (in open(), before any record): its stored
 * values must be of the class the descriptor now declares. A {@code ValueState<Long>} restored as
 * {@code ValueState<String>} would otherwise fail later with a bare ClassCastException in the user's function.
 */
public final class RestoredValueClass {
    private RestoredValueClass() {
    }

    /** The class the restored values of {@code descriptor}'s state must have; null when nothing is checked. */
    public static Class<?> declared(StateDescriptor<?> descriptor) {
        Class<?> declared = descriptor.getTypeClass();
        return declared == null || declared == Object.class || descriptor.getType() != StateDescriptor.Type.VALUE ? null : declared;
    }

    /** The user's value of a stored entry: the entry itself, or the value a time to live wraps. */
    public static Object userValue(Object stored) {
        return stored instanceof TtlValue ttl ? ttl.getUserValue() : stored;
    }

    /** Whether the stored entry's user value is absent or of the {@code declared} class. */
    public static boolean fits(Class<?> declared, Object stored) {
        Object value = userValue(stored);
        return value == null || declared.isInstance(value);
    }

    /** The refusal of a restored value state whose stored entry {@code stored} is not of the {@code declared} class. */
    public static IllegalStateException incompatible(String stateName, Object stored, Class<?> declared) {
        return new IllegalStateException("The restored state '" + stateName + "' is incompatible: the checkpoint holds "
                + "ValueState<" + userValue(stored).getClass().getName() + "> values, but the job now declares ValueState<"
                + declared.getName() + ">: keep the state's type, or declare the new type under a new state name");
    }
}
