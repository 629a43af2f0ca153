package dev.weir.api.java.tuple;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TupleTest {

    @Test
    void toStringPrintsFieldsInParenthesesSeparatedByCommasWithoutSpaces() {
        assertThat(Tuple2.of("a", 1)).hasToString("(a,1)");
        assertThat(Tuple3.of("x", 2L, 3.5)).hasToString("(x,2,3.5)");
        assertThat(new Tuple5<>(1, 2, 3, 4, 5)).hasToString("(1,2,3,4,5)");
        assertThat(Tuple1.of("only")).hasToString("(only)");
        assertThat(Tuple0.INSTANCE).hasToString("()");
    }

    @Test
    void toStringPrintsNullFieldsAsNull() {
        assertThat(new Tuple2<String, Integer>()).hasToString("(null,null)");
        assertThat(Tuple4.of(null, "b", null, 4)).hasToString("(null,b,null,4)");
    }

    @Test
    void toStringPrintsArrayContentIncludingNestedAndPrimitiveArrays() {
        assertThat(Tuple2.of(new int[] {1, 2}, new String[] {"a", null})).hasToString("([1, 2],[a, null])");
        assertThat(Tuple1.of(new Object[] {new long[] {7L}, "z"})).hasToString("([[7], z])");
    }

    @Test
    void equalTuplesHaveEqualFieldsAndEqualHashCodes() {
        Tuple3<String, Integer, Long> a = Tuple3.of("k", 1, null);
        Tuple3<String, Integer, Long> b = new Tuple3<>("k", 1, null);

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a).isNotEqualTo(Tuple3.of("k", 2, null));
        assertThat(a).isNotEqualTo(Tuple3.of("k", 1, 0L));
    }

    @Test
    void tuplesOfDifferentAritiesAreNeverEqual() {
        assertThat(Tuple1.of("a")).isNotEqualTo(Tuple2.of("a", null));
        assertThat(Tuple2.of("a", null)).isNotEqualTo(Tuple1.of("a"));
        assertThat(Tuple2.of("a", 1)).isNotEqualTo("(a,1)");
    }

    @Test
    void hashCodeCombinesFieldHashesLikeAListOfThemWithoutTheSeed() {
        assertThat(Tuple2.of("a", 1).hashCode()).isEqualTo(31 * "a".hashCode() + 1);
        assertThat(new Tuple2<>().hashCode()).isZero();
    }

    @Test
    void getFieldAndSetFieldAddressFieldsByPosition() {
        Tuple5<String, Integer, Long, Double, Boolean> t = new Tuple5<>();
        t.setField("s", 0);
        t.setField(1, 1);
        t.setField(2L, 2);
        t.setField(3.0, 3);
        t.setField(true, 4);

        assertThat(t).isEqualTo(Tuple5.of("s", 1, 2L, 3.0, true));
        String f0 = t.getField(0);
        Boolean f4 = t.getField(4);
        assertThat(f0).isEqualTo("s");
        assertThat(f4).isTrue();
        assertThat(t.getArity()).isEqualTo(5);
    }

    @Test
    void positionsOutsideTheArityAreRefusedWithTheValidRange() {
        Tuple2<String, Integer> t = Tuple2.of("a", 1);

        assertThatThrownBy(() -> t.getField(2))
            .isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("Tuple2 has no field at position 2: valid positions are 0 to 1");
        assertThatThrownBy(() -> t.setField("x", -1))
            .isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("Tuple2 has no field at position -1: valid positions are 0 to 1");
        assertThatThrownBy(() -> Tuple0.INSTANCE.getField(0))
            .hasMessage("Tuple0 has no field at position 0: it has no fields");
    }

    @Test
    void getFieldNotNullNamesTheNullField() {
        assertThatThrownBy(() -> Tuple2.of("a", null).getFieldNotNull(1))
            .isInstanceOf(NullPointerException.class)
            .hasMessageStartingWith("field f1 of Tuple2 is null");
        assertThat((String) Tuple2.of("a", null).getFieldNotNull(0)).isEqualTo("a");
    }

    @Test
    void copyIsAShallowEqualButDistinctTuple() {
        StringBuilder shared = new StringBuilder("x");
        Tuple2<StringBuilder, Integer> original = Tuple2.of(shared, 1);

        Tuple2<StringBuilder, Integer> copy = original.copy();
        copy.f1 = 2;

        assertThat(copy).isNotSameAs(original);
        assertThat(copy.f0).isSameAs(shared);
        assertThat(original.f1).isEqualTo(1);
        assertThat(Tuple4.of(1, 2, 3, 4).copy()).isEqualTo(Tuple4.of(1, 2, 3, 4));
    }

    @Test
    void setFieldsReplacesEveryField() {
        Tuple3<String, Integer, Integer> t = Tuple3.of("a", 1, 2);
        t.setFields("b", 3, 4);
        assertThat(t).isEqualTo(Tuple3.of("b", 3, 4));
    }

    @Test
    void swapReturnsANewTupleWithTheFieldsExchanged() {
        Tuple2<String, Integer> t = Tuple2.of("a", 1);

        Tuple2<Integer, String> swapped = t.swap();

        assertThat(swapped).isEqualTo(Tuple2.of(1, "a"));
        assertThat(t).isEqualTo(Tuple2.of("a", 1));
    }

    @Test
    void newInstanceAndGetTupleClassCoverAritiesZeroToTwentyFiveAsInFlink() {
        assertThat(Tuple.MAX_ARITY).isEqualTo(25);
        assertThat(Tuple.newInstance(0)).isSameAs(Tuple0.INSTANCE);
        assertThat(Tuple.newInstance(3)).isEqualTo(new Tuple3<>());
        assertThat(Tuple.newInstance(5).getArity()).isEqualTo(5);
        assertThat(Tuple.newInstance(25)).isEqualTo(new Tuple25<>());
        for (int arity = 0; arity <= 25; arity++) {
            assertThat(Tuple.getTupleClass(arity).getSimpleName()).isEqualTo("Tuple" + arity);
            assertThat(Tuple.newInstance(arity).getArity()).isEqualTo(arity);
        }
        assertThatThrownBy(() -> Tuple.newInstance(26))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Tuples have arity 0 to 25, not 26: use a POJO (a class with public fields or getters and setters) for wider records");
    }

    @Test
    void aTuple25HasFieldsF0ToF24WithFlinksAccessorsEqualityAndPrinting() {
        Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, String> t =
            Tuple25.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, "last");
        assertThat(t.getArity()).isEqualTo(25);
        assertThat(t.f24).isEqualTo("last");
        assertThat(t.<Integer>getField(17)).isEqualTo(17);
        assertThat(t.toString()).isEqualTo("(0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,last)");

        var copy = t.copy();
        assertThat(copy).isEqualTo(t).hasSameHashCodeAs(t).isNotSameAs(t);
        copy.setField(99, 12);
        assertThat(copy.f12).isEqualTo(99);
        assertThat(t.f12).as("the copy is a new tuple").isEqualTo(12);
        assertThat(copy).isNotEqualTo(t);
        assertThatThrownBy(() -> t.getField(25))
            .isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("Tuple25 has no field at position 25: valid positions are 0 to 24");

        Tuple6<String, Integer, Long, Double, Boolean, Character> six = new Tuple6<>();
        six.setFields("a", 1, 2L, 3.5, true, 'z');
        assertThat(six).isEqualTo(Tuple6.of("a", 1, 2L, 3.5, true, 'z'));
        assertThat(six.toString()).isEqualTo("(a,1,2,3.5,true,z)");
        assertThat(six).isNotEqualTo(Tuple6.of("a", 1, 2L, 3.5, true, 'y'));
    }

    @Test
    void everyTuple0IsEqualAndDeserializesToTheSharedInstance() throws Exception {
        assertThat(new Tuple0()).isEqualTo(Tuple0.INSTANCE);
        assertThat(new Tuple0().hashCode()).isZero();
        assertThat(Tuple0.of()).isSameAs(Tuple0.INSTANCE);
        assertThat(roundTrip(new Tuple0())).isSameAs(Tuple0.INSTANCE);
    }

    @Test
    void tuplesSurviveJavaSerialization() throws Exception {
        assertThat(roundTrip(Tuple3.of("a", 1, new java.math.BigDecimal("2.50"))))
            .isEqualTo(Tuple3.of("a", 1, new java.math.BigDecimal("2.50")));
    }

    @Test
    void subclassesKeepPublicFieldsAndTupleBehaviour() {
        WordCount wc = new WordCount("weir", 3);
        assertThat(wc).hasToString("(weir,3)");
        assertThat(wc).isEqualTo(Tuple2.of("weir", 3));
        assertThat((Integer) wc.getField(1)).isEqualTo(3);
    }

    /** A user tuple subclass, as Flink programs often declare. */
    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {
        }

        WordCount(String word, int count) {
            super(word, count);
        }
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
