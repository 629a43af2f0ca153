package dev.weir.plan.aggregation;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.tuple.Tuple3;
import dev.weir.api.common.typeinfo.Types;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldAggregationTest {

    @Test
    void sumAddsTheFieldAndKeepsTheOtherFieldsOfTheFirstElement() throws Exception {
        List<Tuple3<String, Integer, String>> input = List.of(
            Tuple3.of("k", 1, "first"), Tuple3.of("k", 2, "second"), Tuple3.of("k", 4, "third"));

        List<Tuple3<String, Integer, String>> emitted = runningReduce(FieldAggregation.sum(1), input);

        assertThat(emitted).containsExactly(
            Tuple3.of("k", 1, "first"), Tuple3.of("k", 3, "first"), Tuple3.of("k", 7, "first"));
    }

    @Test
    void sumNeverModifiesTheInputRecords() throws Exception {
        Tuple2<String, Integer> a = Tuple2.of("k", 1);
        Tuple2<String, Integer> b = Tuple2.of("k", 2);

        Tuple2<String, Integer> result = FieldAggregation.<Tuple2<String, Integer>>sum(1).reduce(a, b);

        assertThat(result).isEqualTo(Tuple2.of("k", 3)).isNotSameAs(a).isNotSameAs(b);
        assertThat(a).isEqualTo(Tuple2.of("k", 1));
        assertThat(b).isEqualTo(Tuple2.of("k", 2));
    }

    @Test
    void sumAddsEverySupportedNumberType() throws Exception {
        assertThat(sumOf(1L, 2L)).isEqualTo(3L);
        assertThat(sumOf((short) 1, (short) 2)).isEqualTo((short) 3);
        assertThat(sumOf((byte) 1, (byte) 2)).isEqualTo((byte) 3);
        assertThat(sumOf(1.5f, 2.25f)).isEqualTo(3.75f);
        assertThat(sumOf(1.5, 2.25)).isEqualTo(3.75);
        assertThat(sumOf(BigInteger.ONE, BigInteger.TEN)).isEqualTo(BigInteger.valueOf(11));
        assertThat(sumOf(new BigDecimal("1.10"), new BigDecimal("2.05"))).isEqualTo(new BigDecimal("3.15"));
    }

    private static Object sumOf(Object a, Object b) throws Exception {
        return FieldAggregation.<Tuple2<String, Object>>sum(1).reduce(Tuple2.of("k", a), Tuple2.of("k", b)).f1;
    }

    @Test
    void tupleFieldsCanBeNamedAsFnOrAsADigitString() throws Exception {
        ReduceFunction<Tuple2<String, Long>> byName = FieldAggregation.sum("f1");
        ReduceFunction<Tuple2<String, Long>> byDigit = FieldAggregation.sum("1");

        assertThat(byName.reduce(Tuple2.of("k", 1L), Tuple2.of("k", 2L))).isEqualTo(Tuple2.of("k", 3L));
        assertThat(byDigit.reduce(Tuple2.of("k", 1L), Tuple2.of("k", 2L))).isEqualTo(Tuple2.of("k", 3L));
    }

    @Test
    void basicValuesAreAggregatedAsAWholeAtPositionZeroOrStar() throws Exception {
        assertThat(runningReduce(FieldAggregation.<Integer>sum(0), List.of(1, 2, 3))).containsExactly(1, 3, 6);
        assertThat(FieldAggregation.<Long>sum("*").reduce(5L, 6L)).isEqualTo(11L);
        assertThat(FieldAggregation.<Integer>max(0).reduce(5, 9)).isEqualTo(9);
        assertThat(FieldAggregation.<String>minBy(0).reduce("b", "a")).isEqualTo("a");
    }

    @Test
    void minAndMaxReplaceOnlyTheAggregatedField() throws Exception {
        List<Tuple3<String, Integer, String>> input = List.of(
            Tuple3.of("k", 5, "first"), Tuple3.of("k", 3, "second"), Tuple3.of("k", 9, "third"));

        assertThat(runningReduce(FieldAggregation.min(1), input)).containsExactly(
            Tuple3.of("k", 5, "first"), Tuple3.of("k", 3, "first"), Tuple3.of("k", 3, "first"));
        assertThat(runningReduce(FieldAggregation.max(1), input)).containsExactly(
            Tuple3.of("k", 5, "first"), Tuple3.of("k", 5, "first"), Tuple3.of("k", 9, "first"));
        assertThat(input.get(1)).isEqualTo(Tuple3.of("k", 3, "second"));
    }

    @Test
    void minReturnsTheAccumulatedElementItselfWhenTheMinimumDoesNotChange() throws Exception {
        Tuple2<String, Integer> accumulated = Tuple2.of("k", 1);

        assertThat(FieldAggregation.<Tuple2<String, Integer>>min(1).reduce(accumulated, Tuple2.of("k", 1)))
            .isSameAs(accumulated);
    }

    @Test
    void minMaxWorkOnAnyComparableField() throws Exception {
        assertThat(FieldAggregation.<Tuple2<Integer, String>>max(1).reduce(Tuple2.of(1, "apple"), Tuple2.of(2, "pear")))
            .isEqualTo(Tuple2.of(1, "pear"));
    }

    @Test
    void minByAndMaxByReturnTheWholeElementHoldingTheExtreme() throws Exception {
        List<Tuple3<String, Integer, String>> input = List.of(
            Tuple3.of("k", 5, "first"), Tuple3.of("k", 3, "second"), Tuple3.of("k", 9, "third"));

        assertThat(runningReduce(FieldAggregation.minBy(1), input)).containsExactly(
            Tuple3.of("k", 5, "first"), Tuple3.of("k", 3, "second"), Tuple3.of("k", 3, "second"));
        assertThat(runningReduce(FieldAggregation.maxBy(1), input)).containsExactly(
            Tuple3.of("k", 5, "first"), Tuple3.of("k", 5, "first"), Tuple3.of("k", 9, "third"));
    }

    @Test
    void minByOnATieKeepsTheFirstElementByDefaultAndTheLatestWhenAsked() throws Exception {
        Tuple2<String, Integer> earlier = Tuple2.of("earlier", 1);
        Tuple2<String, Integer> later = Tuple2.of("later", 1);

        assertThat(FieldAggregation.<Tuple2<String, Integer>>minBy(1).reduce(earlier, later)).isSameAs(earlier);
        assertThat(FieldAggregation.<Tuple2<String, Integer>>minBy(1, true).reduce(earlier, later)).isSameAs(earlier);
        assertThat(FieldAggregation.<Tuple2<String, Integer>>minBy(1, false).reduce(earlier, later)).isSameAs(later);
        assertThat(FieldAggregation.<Tuple2<String, Integer>>maxBy("f1").reduce(earlier, later)).isSameAs(earlier);
        assertThat(FieldAggregation.<Tuple2<String, Integer>>maxBy("f1", false).reduce(earlier, later)).isSameAs(later);
    }

    @Test
    void aggregationsPrintAsTheUserCalledThem() {
        assertThat(FieldAggregation.sum(1)).hasToString("sum(1)");
        assertThat(FieldAggregation.max("price")).hasToString("max(\"price\")");
        assertThat(FieldAggregation.minBy(2)).hasToString("minBy(2)");
        assertThat(FieldAggregation.maxBy("f0", false)).hasToString("maxBy(\"f0\", false)");
        assertThat(FieldAggregation.minBy(0).getAggregationType()).isEqualTo(AggregationType.MINBY);
    }

    @Test
    void anAggregationSurvivesSerializationAndBindsAgainAfterwards() throws Exception {
        FieldAggregation<Tuple2<String, Integer>> sum = FieldAggregation.sum(1);
        sum.reduce(Tuple2.of("k", 1), Tuple2.of("k", 1));

        @SuppressWarnings("unchecked")
        FieldAggregation<Tuple2<String, Integer>> copy = (FieldAggregation<Tuple2<String, Integer>>) roundTrip(sum);

        assertThat(copy.reduce(Tuple2.of("k", 2), Tuple2.of("k", 3))).isEqualTo(Tuple2.of("k", 5));
    }

    @Test
    void aTupleSubclassStaysItsSubclassAndKeepsItsExtraFields() throws Exception {
        Reading first = new Reading("sensor", 10L, "calibrated");
        Reading second = new Reading("sensor", 5L, "raw");

        Reading sum = FieldAggregation.<Reading>sum(1).reduce(first, second);

        assertThat(sum).isInstanceOf(Reading.class).isNotSameAs(first);
        assertThat(sum.f0).isEqualTo("sensor");
        assertThat(sum.f1).isEqualTo(15L);
        assertThat(sum.note).isEqualTo("calibrated");
        assertThat(first.f1).isEqualTo(10L);
    }

    @Test
    void aFieldHoldingDifferentNumberTypesFailsNamingBoth() {
        FieldAggregation<Tuple2<String, Object>> sum = FieldAggregation.sum(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sum.reduce(Tuple2.of("k", 1), Tuple2.of("k", 2L)))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessageStartingWith("sum(1) on dev.weir.api.java.tuple.Tuple2: field f1 holds a java.lang.Integer in one "
                + "record and a java.lang.Long in another, which cannot be added");
    }

    @Test
    void validatingAgainstTheTupleTypeAcceptsNumericFieldsBeforeAnyRecord() {
        assertThat(FieldAggregation.sum(1).validateFor(Types.TUPLE(Types.STRING, Types.INT)))
            .hasToString("sum(1)");
        assertThat(FieldAggregation.sum(1).validateFor(Tuple2.class)).hasToString("sum(1)");
        assertThat(FieldAggregation.min(0).validateFor(Types.TUPLE(Types.STRING, Types.INT))).hasToString("min(0)");
        assertThat(FieldAggregation.sum(0).validateFor(Integer.class)).hasToString("sum(0)");
    }

    /** A user subclass of a tuple with one extra field. */
    public static class Reading extends Tuple2<String, Long> {
        public String note;

        public Reading() {
        }

        Reading(String id, long value, String note) {
            super(id, value);
            this.note = note;
        }
    }

    /** Emits what a keyed running reduce emits for one key: the first record, then each reduced result. */
    static <T> List<T> runningReduce(ReduceFunction<T> reduce, List<T> input) throws Exception {
        java.util.ArrayList<T> emitted = new java.util.ArrayList<>();
        T accumulated = input.get(0);
        emitted.add(accumulated);
        for (int i = 1; i < input.size(); i++) {
            accumulated = reduce.reduce(accumulated, input.get(i));
            emitted.add(accumulated);
        }
        return emitted;
    }

    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
