package dev.weir.plan.aggregation;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.common.typeinfo.Types;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldAggregationErrorsTest {
    private static final String TUPLE2 = "dev.weir.api.java.tuple.Tuple2";
    private static final String ORDER = Order.class.getName();

    @Test
    void aPositionBeyondTheTupleFailsOnTheFirstRecordListingTheFields() {
        FieldAggregation<Tuple2<String, Integer>> sum = FieldAggregation.sum(2);

        assertThatThrownBy(() -> sum.reduce(Tuple2.of("k", 1), Tuple2.of("k", 2)))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(2) on " + TUPLE2 + ": no field at position 2; the fields are [f0: String, f1: Integer]."
                + " Address one of them, or use reduce(...) for anything else");
    }

    @Test
    void aPositionBeyondAKnownTupleTypeFailsWhenValidated() {
        assertThatThrownBy(() -> FieldAggregation.max(3).validateFor(Types.TUPLE(Types.STRING, Types.LONG)))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("max(3) on " + TUPLE2 + ": no field at position 3; the fields are [f0: String, f1: Long]."
                + " Address one of them, or use reduce(...) for anything else");
    }

    @Test
    void summingANonNumericTupleFieldFailsWhenValidatedNamingTheFieldAndItsType() {
        assertThatThrownBy(() -> FieldAggregation.sum(0).validateFor(Types.TUPLE(Types.STRING, Types.INT)))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(0) on " + TUPLE2 + ": field f0 is a java.lang.String, not a number; sum adds Integer, "
                + "Long, Short, Byte, Float, Double, BigInteger or BigDecimal fields. Choose a numeric field, or use "
                + "reduce(...)");
    }

    @Test
    void summingANonNumericTupleFieldFailsOnTheFirstRecordWhenTheTypeWasNotKnown() {
        FieldAggregation<Tuple2<String, Integer>> sum = FieldAggregation.sum("f0");

        assertThatThrownBy(() -> sum.reduce(Tuple2.of("a", 1), Tuple2.of("b", 2)))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessageStartingWith("sum(\"f0\") on " + TUPLE2 + ": field f0 is a java.lang.String, not a number");
    }

    @Test
    void aMissingPojoFieldFailsWhenValidatedListingTheFieldsThatExist() {
        assertThatThrownBy(() -> FieldAggregation.sum("amont").validateFor(Order.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(\"amont\") on " + ORDER + ": no field 'amont'; the fields are [amount: double, "
                + "customer: String, express: boolean] (public fields, or getters with setters). Name one of them, "
                + "or use reduce(...) for anything else");
    }

    @Test
    void aMissingPojoFieldFailsOnTheFirstRecordWhenTheTypeWasNotKnown() {
        FieldAggregation<Order> min = FieldAggregation.min("price");

        assertThatThrownBy(() -> min.reduce(new Order(), new Order()))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessageStartingWith("min(\"price\") on " + ORDER
                + ": no field 'price'; the fields are [amount: double,");
    }

    @Test
    void aMissingNestedFieldNamesThePathAndTheNestedType() {
        assertThatThrownBy(() -> FieldAggregation.sum("customerInfo.age").validateFor(Order.class))
            .hasMessageStartingWith("sum(\"customerInfo.age\") on " + ORDER + ": no field 'customerInfo'");
        assertThatThrownBy(() -> FieldAggregation.sum("customer.length").validateFor(Order.class))
            .hasMessage("sum(\"customer.length\") on " + ORDER + ": field 'customer' is a java.lang.String, which has "
                + "no field 'length'");
    }

    @Test
    void aPojoFieldCannotBeAddressedByPosition() {
        assertThatThrownBy(() -> FieldAggregation.sum(1).validateFor(Order.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(1) on " + ORDER + ": a POJO's fields are addressed by name, not by position: use "
                + "sum(\"name\") with one of the fields [amount: double, customer: String, express: boolean]");
    }

    @Test
    void aBasicValueHasOnlyPositionZero() {
        FieldAggregation<Integer> sum = FieldAggregation.sum(1);

        assertThatThrownBy(() -> sum.reduce(1, 2))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(1) on java.lang.Integer: a value of a basic type has only position 0, the value itself; "
                + "use sum(0)");
        assertThatThrownBy(() -> FieldAggregation.max("value").validateFor(Long.class))
            .hasMessage("max(\"value\") on java.lang.Long: a value of a basic type has no field 'value'; use "
                + "position 0 or \"*\" for the value itself");
    }

    @Test
    void minOverAFieldThatIsNotComparableFailsNamingIt() {
        assertThatThrownBy(() -> FieldAggregation.min("tags").validateFor(Tagged.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("min(\"tags\") on " + Tagged.class.getName() + ": field 'tags' is a " + Tags.class.getName()
                + ", which is not Comparable; min needs a Comparable field such as a number or a String");
    }

    @Test
    void sumOverAFieldWithAGetterButNoSetterFailsSayingWhy() {
        assertThatThrownBy(() -> FieldAggregation.sum("total").validateFor(ReadOnly.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(\"total\") on " + ReadOnly.class.getName() + ": field 'total' cannot be written: it has "
                + "the getter getTotal() but no setter setTotal(long). sum writes its result into a copy of the "
                + "record; add a setter, or use minBy/maxBy or reduce(...)");
    }

    @Test
    void sumOverARecordWithoutANoArgumentConstructorFailsSayingWhy() {
        assertThatThrownBy(() -> FieldAggregation.sum("amount").validateFor(NoDefaultConstructor.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(\"amount\") on " + NoDefaultConstructor.class.getName() + ": Weir copies the accumulated "
                + "record before writing the result into it, and " + NoDefaultConstructor.class.getName()
                + " has no no-argument constructor: add one, or use reduce(...)");
    }

    @Test
    void maxOverAJavaRecordFailsBecauseARecordCannotBeCopiedAndWritten() {
        assertThatThrownBy(() -> FieldAggregation.max("amount").validateFor(Payment.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("max(\"amount\") on " + Payment.class.getName() + ": Weir copies the accumulated "
                + "record before writing the result into it, and " + Payment.class.getName()
                + " has no no-argument constructor: add one, or use reduce(...)");
    }

    @Test
    void sumOverARecordWithAFinalFieldFailsNamingTheFinalField() {
        assertThatThrownBy(() -> FieldAggregation.sum("amount").validateFor(WithFinalId.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(\"amount\") on " + WithFinalId.class.getName() + ": Weir copies the accumulated record "
                + "before writing the result into it, and field 'id' of " + WithFinalId.class.getName() + " is final: "
                + "make it non-final, or use reduce(...) and build the result yourself");
    }

    @Test
    void aJavaRecordComponentCanBeComparedButNotWritten() throws Exception {
        Reading low = new Reading("a", 1);
        Reading high = new Reading("b", 9);

        org.assertj.core.api.Assertions.assertThat(FieldAggregation.<Reading>maxBy("level").reduce(low, high))
            .isSameAs(high);
        assertThatThrownBy(() -> FieldAggregation.sum("level").validateFor(Reading.class))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(\"level\") on " + Reading.class.getName() + ": field 'level' cannot be written: it is a "
                + "component of a Java record, and records are immutable. sum writes its result into a copy of the "
                + "record; add a setter, or use minBy/maxBy or reduce(...)");
        assertThatThrownBy(() -> FieldAggregation.minBy("lvl").validateFor(Reading.class))
            .hasMessageContaining("no field 'lvl'; the fields are [level: int, sensor: String]");
    }

    /** A plain Java record. */
    public record Reading(String sensor, int level) {
    }

    @Test
    void aNullFieldFailsNamingTheField() {
        FieldAggregation<Tuple2<String, Integer>> sum = FieldAggregation.sum(1);
        sum.validateFor(Types.TUPLE(Types.STRING, Types.INT));

        assertThatThrownBy(() -> sum.reduce(Tuple2.of("k", 1), Tuple2.of("k", null)))
            .isInstanceOf(InvalidProgramException.class)
            .hasMessage("sum(1) on " + TUPLE2 + ": field f1 is null in a record; sum needs a value in every record");
    }

    @Test
    void invalidAddressesAreRefusedWhenTheAggregationIsCreated() {
        assertThatThrownBy(() -> FieldAggregation.sum(-1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("field position must be 0 or more, got -1");
        assertThatThrownBy(() -> FieldAggregation.maxBy(" "))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("field expression must name a field, e.g. \"price\" or \"f1\"");
    }

    /** A POJO with public fields and a boolean property. */
    public static class Order {
        public String customer;
        public double amount;
        private boolean express;

        public boolean isExpress() {
            return express;
        }

        public void setExpress(boolean express) {
            this.express = express;
        }
    }

    /** Not comparable. */
    public static class Tags {
        public String value;
    }

    /** A POJO holding a field that is not comparable. */
    public static class Tagged {
        public Tags tags;
    }

    /** A getter without setter. */
    public static class ReadOnly {
        public long getTotal() {
            return 0;
        }
    }

    /** A POJO without a no-argument constructor. */
    public static class NoDefaultConstructor {
        public int amount;

        public NoDefaultConstructor(int amount) {
            this.amount = amount;
        }
    }

    /** A POJO with a final field. */
    public static class WithFinalId {
        public int amount;
        private final String id = "fixed";

        String id() {
            return id;
        }
    }

    /** A Java record. */
    public record Payment(long amount) {
        public long getAmount() {
            return amount;
        }

        public void setAmount(long ignored) {
            throw new UnsupportedOperationException("this setter must not be called");
        }
    }
}
