package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generated copier of an accumulator's primitive fields: exact round trips, and which classes qualify. */
class PrimitiveFieldsTest {

    static class Base {
        private long inherited;
    }

    /** Every primitive type, a private field, and one inherited from a superclass. */
    static final class EveryPrimitive extends Base {
        long l;
        int i;
        short s;
        byte b;
        char c;
        boolean z;
        float f;
        double d;
        private int hidden;
        static long ignoredBecauseStatic;
    }

    static final class WithAReference {
        long count;
        String name;
    }

    static final class WithAFinalField {
        long count;
        final long fixed = 1;
    }

    static final class WithoutFields {
    }

    private static EveryPrimitive sample(long seed) {
        EveryPrimitive p = new EveryPrimitive();
        ((Base) p).inherited = -seed;
        p.l = Long.MIN_VALUE + seed;
        p.i = -7 - (int) seed;
        p.s = Short.MIN_VALUE;
        p.b = -128;
        p.c = '\uffff';
        p.z = true;
        p.f = Float.intBitsToFloat(0x7fc0_0001); // a NaN with payload: bits, not values, are copied
        p.d = -0.0;
        p.hidden = 42;
        return p;
    }

    private static String describe(EveryPrimitive p) {
        return ((Base) p).inherited + " " + p.l + " " + p.i + " " + p.s + " " + p.b + " " + (int) p.c + " " + p.z + " "
                + Float.floatToRawIntBits(p.f) + " " + Double.doubleToRawLongBits(p.d) + " " + p.hidden;
    }

    @Test
    void everyPrimitiveFieldRoundTripsThroughOneLongEachBitForBit() {
        PrimitiveFields fields = PrimitiveFields.of(EveryPrimitive.class);
        assertThat(fields).isNotNull();
        assertThat(fields.width).isEqualTo(10);
        assertThat(fields.type).isEqualTo(EveryPrimitive.class);

        long[] data = new long[25];
        fields.store(sample(3), data, 3);
        fields.store(sample(9), data, 13);
        EveryPrimitive first = new EveryPrimitive();
        EveryPrimitive second = new EveryPrimitive();
        fields.load(first, data, 3);
        fields.load(second, data, 13);

        assertThat(describe(first)).isEqualTo(describe(sample(3)));
        assertThat(describe(second)).isEqualTo(describe(sample(9)));
        assertThat(data[0]).isZero();
        assertThat(data[23]).isZero();
    }

    @Test
    void aBooleanIsTrueForAnyNonZeroLong() {
        PrimitiveFields fields = PrimitiveFields.of(EveryPrimitive.class);
        long[] data = new long[10];
        fields.store(new EveryPrimitive(), data, 0);
        EveryPrimitive p = new EveryPrimitive();
        for (long bits : new long[] {1, -1, Long.MIN_VALUE, 1L << 40}) {
            data[5] = bits;
            fields.load(p, data, 0);
            assertThat(p.z).as("bits %d", bits).isTrue();
        }
        data[5] = 0;
        fields.load(p, data, 0);
        assertThat(p.z).isFalse();
    }

    @Test
    void classesWithAReferenceAFinalFieldOrNoFieldsAndArraysBoxesAndRecordsDoNotQualify() {
        assertThat(PrimitiveFields.of(WithAReference.class)).isNull();
        assertThat(PrimitiveFields.of(WithAFinalField.class)).isNull();
        assertThat(PrimitiveFields.of(WithoutFields.class)).isNull();
        assertThat(PrimitiveFields.of(long[].class)).isNull();
        assertThat(PrimitiveFields.of(Long.class)).isNull();
        assertThat(PrimitiveFields.of(Object.class)).isNull();
        assertThat(PrimitiveFields.of(Runnable.class)).isNull();
    }

    @Test
    void aClassGetsOneCopierHoweverOftenItIsAskedFor() {
        assertThat(PrimitiveFields.of(EveryPrimitive.class)).isSameAs(PrimitiveFields.of(EveryPrimitive.class));
    }
}
