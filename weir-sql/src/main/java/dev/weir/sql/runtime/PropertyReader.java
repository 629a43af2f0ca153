package dev.weir.sql.runtime;

import java.lang.invoke.MethodHandle;

/**
 * Reads one property of a POJO element: {@link #of} generates a small class per element class and property that reads
 * the field or calls the getter directly, so that a column costs a virtual call per element, not a method handle's
 * invocation; where the class cannot be generated (a property the generated class could not see) the handles read it.
 */
public abstract class PropertyReader {
    /** The property's value, a primitive boxed. */
    public abstract Object read(Object element);

    /** The value of a {@code long}, {@code int}, {@code short} or {@code byte} property, widened without boxing. */
    public abstract long readLong(Object element);

    /** Whether {@link #readLong} may be called: the property is a primitive integer. */
    public abstract boolean integral();

    /**
     * The reader of property {@code name} of {@code type} (a public getter {@code getName}, {@code isName} or
     * {@code name()}, else a public field, as {@link PojoGetters} finds it); null when the class has no such property.
     * {@code sample}, an element of {@code type}, is read once, so that a generated class that cannot link fails here.
     */
    static PropertyReader of(Class<?> type, String name, Object sample) {
        MethodHandle value = PojoGetters.find(type, name);
        if (value == null) {
            return null;
        }
        MethodHandle primitive = PojoGetters.findLong(type, name);
        PropertyReader handles = new Handles(value, primitive);
        PropertyReader generated = GeneratedPropertyReaders.of(type, name);
        if (generated != null) {
            try {
                generated.read(sample);
                return generated;
            } catch (LinkageError e) {
                // The generated class lives in weir-sql's class loader, which may not see the element's class.
                return handles;
            }
        }
        return handles;
    }

    /** The reader through method handles, for what {@link GeneratedPropertyReaders} does not generate. */
    private static final class Handles extends PropertyReader {
        private final MethodHandle value;
        private final MethodHandle primitive;

        Handles(MethodHandle value, MethodHandle primitive) {
            this.value = value;
            this.primitive = primitive;
        }

        @Override
        public Object read(Object element) {
            try {
                return (Object) value.invokeExact(element);
            } catch (Throwable t) {
                throw new IllegalStateException("Could not read a property of " + element + ": " + t, t);
            }
        }

        @Override
        public long readLong(Object element) {
            try {
                return (long) primitive.invokeExact(element);
            } catch (Throwable t) {
                throw new IllegalStateException("Could not read a property of " + element + ": " + t, t);
            }
        }

        @Override
        public boolean integral() {
            return primitive != null;
        }
    }
}
