package dev.weir.plan.aggregation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.weir.plan.aggregation.FieldAggregationTest.runningReduce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PojoFieldAggregationTest {

    @Test
    void sumOfAPublicFieldKeepsTheFirstElementsOtherFieldsInACopy() throws Exception {
        Sale first = new Sale("alice", 10, "north");
        Sale second = new Sale("alice", 5, "south");

        List<Sale> emitted = runningReduce(FieldAggregation.sum("amount"), List.of(first, second));

        Sale result = emitted.get(1);
        assertThat(result).isNotSameAs(first).isNotSameAs(second);
        assertThat(result.customer).isEqualTo("alice");
        assertThat(result.amount).isEqualTo(15);
        assertThat(result.region()).isEqualTo("north");
        assertThat(first.amount).isEqualTo(10);
        assertThat(second.amount).isEqualTo(5);
    }

    @Test
    void aFieldWithAGetterAndSetterIsAddressedByItsPropertyName() throws Exception {
        Account a = new Account();
        a.setOwner("bob");
        a.setBalance(100L);
        Account b = new Account();
        b.setOwner("bob");
        b.setBalance(-30L);

        Account sum = FieldAggregation.<Account>sum("balance").reduce(a, b);
        Account max = FieldAggregation.<Account>max("balance").reduce(b, a);

        assertThat(sum.getBalance()).isEqualTo(70L);
        assertThat(sum.getOwner()).isEqualTo("bob");
        assertThat(a.getBalance()).isEqualTo(100L);
        assertThat(max.getBalance()).isEqualTo(100L);
        assertThat(max).isNotSameAs(b);
    }

    @Test
    void aNestedFieldPathIsSummedWithoutTouchingTheNestedObjectsOfTheInput() throws Exception {
        Shipment first = new Shipment("s1", new Parcel(2.5, "box"));
        Shipment second = new Shipment("s2", new Parcel(1.0, "bag"));

        Shipment sum = FieldAggregation.<Shipment>sum("parcel.weight").reduce(first, second);

        assertThat(sum.id).isEqualTo("s1");
        assertThat(sum.parcel.weight).isEqualTo(3.5);
        assertThat(sum.parcel.kind).isEqualTo("box");
        assertThat(sum.parcel).isNotSameAs(first.parcel);
        assertThat(first.parcel.weight).isEqualTo(2.5);
    }

    @Test
    void aNullObjectOnANestedPathFailsNamingWhereThePathBreaks() throws Exception {
        FieldAggregation<Shipment> sum = FieldAggregation.sum("parcel.weight");
        sum.reduce(new Shipment("s1", new Parcel(1.0, "box")), new Shipment("s2", new Parcel(1.0, "box")));

        assertThatThrownBy(() -> sum.reduce(new Shipment("s1", new Parcel(1.0, "box")), new Shipment("s3", null)))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("field 'parcel' of a " + Shipment.class.getName() + " is null, so 'parcel.weight' cannot be "
                + "read: aggregations need every record to reach the field");
    }

    @Test
    void minByAndMaxByOnAPojoReturnTheOriginalElements() throws Exception {
        Sale small = new Sale("a", 1, "x");
        Sale big = new Sale("b", 7, "y");
        Sale bigToo = new Sale("c", 7, "z");

        assertThat(FieldAggregation.<Sale>minBy("amount").reduce(big, small)).isSameAs(small);
        assertThat(FieldAggregation.<Sale>maxBy("amount").reduce(big, bigToo)).isSameAs(big);
        assertThat(FieldAggregation.<Sale>maxBy("amount", false).reduce(big, bigToo)).isSameAs(bigToo);
    }

    @Test
    void minByNeedsNeitherASetterNorANoArgumentConstructor() throws Exception {
        Immutable a = new Immutable(3);
        Immutable b = new Immutable(2);

        assertThat(FieldAggregation.<Immutable>minBy("value").reduce(a, b)).isSameAs(b);
        assertThat(FieldAggregation.<Point>maxBy("x").reduce(new Point(1, 2), new Point(4, 0)))
            .isEqualTo(new Point(4, 0));
    }

    @Test
    void privateFieldsWithoutAccessorsAreCopiedIntoTheResultToo() throws Exception {
        Sale first = new Sale("alice", 1, "secret-region");

        Sale min = FieldAggregation.<Sale>min("amount").reduce(first, new Sale("alice", 0, "other"));

        assertThat(min.amount).isZero();
        assertThat(min.region()).isEqualTo("secret-region");
    }

    /** A POJO with public fields and a private one without accessors. */
    public static class Sale {
        public String customer;
        public int amount;
        private String region;

        public Sale() {
        }

        Sale(String customer, int amount, String region) {
            this.customer = customer;
            this.amount = amount;
            this.region = region;
        }

        String region() {
            return region;
        }
    }

    /** A bean with private fields, getters and setters. */
    public static class Account {
        private String owner;
        private long balance;

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public long getBalance() {
            return balance;
        }

        public void setBalance(long balance) {
            this.balance = balance;
        }
    }

    /** A POJO holding another. */
    public static class Shipment {
        public String id;
        public Parcel parcel;

        public Shipment() {
        }

        Shipment(String id, Parcel parcel) {
            this.id = id;
            this.parcel = parcel;
        }
    }

    /** The nested POJO. */
    public static class Parcel {
        public double weight;
        public String kind;

        public Parcel() {
        }

        Parcel(double weight, String kind) {
            this.weight = weight;
            this.kind = kind;
        }
    }

    /** A value with a getter only and no no-argument constructor. */
    public static class Immutable {
        private final int value;

        Immutable(int value) {
            this.value = value;
        }

        public int getValue() {
            return value;
        }
    }

    /** An immutable value with public final fields. */
    public static class Point {
        public final int x;
        public final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point && ((Point) o).x == x && ((Point) o).y == y;
        }

        @Override
        public int hashCode() {
            return 31 * x + y;
        }
    }
}
