package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.AggregateFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionTable} keeps accumulators of primitive fields in its rows and gives them back as fresh accumulators,
 * keeps any other partial as an object, tells a link to a freed session from a live one, and reuses the last freed slot
 * first.
 */
class SessionTableTest {
    /** An accumulator of primitive fields only. */
    static class Sum {
        long total;
        int count;
    }

    /** Of {@link Sum}'s class family but not its exact class: kept as an object. */
    static final class TaggedSum extends Sum {
    }

    /** Sums values; a negative value makes {@code add} return a {@link TaggedSum}; records the calls it sees. */
    static final class Summing implements AggregateFunction<Long, Sum, String> {
        final List<String> calls = new ArrayList<>();

        @Override
        public Sum createAccumulator() {
            calls.add("create");
            return new Sum();
        }

        @Override
        public Sum add(Long value, Sum accumulator) {
            calls.add("add " + value);
            Sum sum = value < 0 ? new TaggedSum() : accumulator;
            sum.total = accumulator.total + value;
            sum.count = accumulator.count + 1;
            return sum;
        }

        @Override
        public String getResult(Sum accumulator) {
            calls.add("result");
            return accumulator.total + "/" + accumulator.count + (accumulator instanceof TaggedSum ? " tagged" : "");
        }

        @Override
        public Sum merge(Sum a, Sum b) {
            calls.add("merge");
            a.total += b.total;
            a.count += b.count;
            return a;
        }
    }

    @SuppressWarnings("unchecked")
    private static SessionTable flat(Summing function) {
        AggregateFunction<Object, Object, Object> f = (AggregateFunction<Object, Object, Object>) (AggregateFunction<?, ?, ?>) function;
        PrimitiveFields fields = PrimitiveFields.of(Sum.class);
        assertThat(fields).isNotNull();
        return new SessionTable(SliceFunction.aggregating(f), f, fields);
    }

    @Test
    void primitiveAccumulatorsLiveInTheRowsAndEachResultGetsAFreshAccumulator() throws Exception {
        Summing function = new Summing();
        SessionTable table = flat(function);
        int slot = table.open(7L, 0, 10, 0, 0);
        table.add(slot, 5L, true);
        table.add(slot, 6L, false);
        table.add(slot, 7L, false);
        assertThat(table.result(slot)).isEqualTo("18/3");
        Object first = table.partial(slot);
        Object second = table.partial(slot);
        assertThat(first).isNotSameAs(second);
        assertThat(((Sum) first).total).isEqualTo(18);
        // createAccumulator per session and once for the scratch instance, add per element, a fresh one per result.
        assertThat(function.calls).containsExactly("create", "add 5", "create", "add 6", "add 7", "create", "result",
                "create", "create");
    }

    @Test
    void anAccumulatorOfAnotherClassIsKeptAsAnObjectUntilAddReturnsTheExactClassAgain() throws Exception {
        Summing function = new Summing();
        SessionTable table = flat(function);
        int slot = table.open(7L, 0, 10, 0, 0);
        table.add(slot, 5L, true);
        table.add(slot, -1L, false);
        assertThat(table.result(slot)).isEqualTo("4/2 tagged");
        Sum held = (Sum) table.partial(slot);
        assertThat(table.partial(slot)).isSameAs(held);
        table.setPartial(slot, new Sum());
        table.add(slot, 3L, false);
        assertThat(table.result(slot)).isEqualTo("3/1");
    }

    @Test
    void aLinkToAPreviousSessionReadsAsNoneOnceItIsFreedEvenAfterItsSlotIsTakenAgain() {
        SessionTable table = new SessionTable(SliceFunction.aggregating(null));
        int earlier = table.open("k", 0, 10, 1, 1);
        int later = table.open("k", 20, 30, 2, 2);
        table.setPrev(later, earlier);
        assertThat(table.prev(later)).isEqualTo(earlier);
        table.close(earlier);
        assertThat(table.prev(later)).isEqualTo(-1);
        int other = table.open("j", 40, 50, 3, 3);
        assertThat(other).isEqualTo(earlier);
        assertThat(table.prev(later)).isEqualTo(-1);
        assertThat(table.id(earlier)).isEqualTo(3);
    }

    @Test
    void freedSlotsAreTakenLastFreedFirstAndTheTableGrowsBeyondItsFirstCapacity() {
        SessionTable table = new SessionTable(SliceFunction.aggregating(null));
        for (int i = 0; i < 100; i++) {
            assertThat(table.open(i, i, i + 1, i, i)).isEqualTo(i);
        }
        table.close(10);
        table.close(20);
        table.close(30);
        assertThat(table.size()).isEqualTo(97);
        assertThat(table.id(20)).isEqualTo(-1);
        assertThat(table.key(20)).isNull();
        assertThat(table.open("a", 0, 1, 200, 200)).isEqualTo(30);
        assertThat(table.open("b", 0, 1, 201, 201)).isEqualTo(20);
        assertThat(table.open("c", 0, 1, 202, 202)).isEqualTo(10);
        assertThat(table.open("d", 0, 1, 203, 203)).isEqualTo(100);
        assertThat(table.end(99)).isEqualTo(100);
        assertThat(table.key(20)).isEqualTo("b");
    }
}
