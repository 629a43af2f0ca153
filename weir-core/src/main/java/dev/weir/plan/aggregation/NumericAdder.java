package dev.weir.plan.aggregation;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Adds two boxed numbers of one type, as {@code sum} needs; one constant per supported field type. */
enum NumericAdder {
    INTEGER(Integer.class, int.class) {
        @Override
        Object add(Object a, Object b) {
            return (Integer) a + (Integer) b;
        }
    },
    LONG(Long.class, long.class) {
        @Override
        Object add(Object a, Object b) {
            return (Long) a + (Long) b;
        }
    },
    SHORT(Short.class, short.class) {
        @Override
        Object add(Object a, Object b) {
            return (short) ((Short) a + (Short) b);
        }
    },
    BYTE(Byte.class, byte.class) {
        @Override
        Object add(Object a, Object b) {
            return (byte) ((Byte) a + (Byte) b);
        }
    },
    FLOAT(Float.class, float.class) {
        @Override
        Object add(Object a, Object b) {
            return (Float) a + (Float) b;
        }
    },
    DOUBLE(Double.class, double.class) {
        @Override
        Object add(Object a, Object b) {
            return (Double) a + (Double) b;
        }
    },
    BIG_INTEGER(BigInteger.class, BigInteger.class) {
        @Override
        Object add(Object a, Object b) {
            return ((BigInteger) a).add((BigInteger) b);
        }
    },
    BIG_DECIMAL(BigDecimal.class, BigDecimal.class) {
        @Override
        Object add(Object a, Object b) {
            return ((BigDecimal) a).add((BigDecimal) b);
        }
    };

    /** How error messages list the supported types. */
    static final String SUPPORTED = "Integer, Long, Short, Byte, Float, Double, BigInteger or BigDecimal";

    private final Class<?> boxed;
    private final Class<?> primitive;

    NumericAdder(Class<?> boxed, Class<?> primitive) {
        this.boxed = boxed;
        this.primitive = primitive;
    }

    /** The sum of two values of this adder's type; a value of another type throws {@link ClassCastException}. */
    abstract Object add(Object a, Object b);

    /** The adder for a field type, or {@code null} when {@code sum} cannot add values of that type. */
    static NumericAdder forType(Class<?> type) {
        for (NumericAdder adder : values()) {
            if (adder.boxed == type || adder.primitive == type) {
                return adder;
            }
        }
        return null;
    }

    /** Whether a field declared as {@code type} may hold a number sum can add (false only when it never can). */
    static boolean mayHoldNumber(Class<?> type) {
        for (NumericAdder adder : values()) {
            if (type.isAssignableFrom(adder.boxed) || adder.primitive == type) {
                return true;
            }
        }
        return false;
    }
}
