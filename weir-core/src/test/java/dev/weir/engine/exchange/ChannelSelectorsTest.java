package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.plan.Partitioning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector each partitioning gets, as the runtime wires an edge. */
class ChannelSelectorsTest {
    private static final KeySelector<Object, Object> FIRST_LETTER = v -> ((String) v).substring(0, 1);

    private static List<Integer> select(ChannelSelector selector, String... values) {
        List<Integer> channels = new ArrayList<>();
        for (String v : values) {
            channels.add(selector.select(v));
        }
        return channels;
    }

    @Test
    void aKeyedEdgeSendsEachRecordToTheSubtaskOwningItsKeyGroup() {
        ChannelSelector selector = ChannelSelectors.of(Partitioning.HASH, 4, 0, FIRST_LETTER, 128, "Map (1/4)");

        for (String value : List.of("apple", "banana", "cherry", "date", "elder", "fig")) {
            assertThat(selector.select(value)).as(value)
                    .isEqualTo(KeyGroupRangeAssignment.assignKeyToParallelOperator(value.substring(0, 1), 128, 4));
        }
    }

    @Test
    void rebalanceAndRescaleGoRoundRobinFromTheProducersOwnIndex() {
        assertThat(select(ChannelSelectors.of(Partitioning.REBALANCE, 3, 1, null, 128, "x"), "a", "b", "c", "d"))
                .containsExactly(1, 2, 0, 1);
        assertThat(select(ChannelSelectors.of(Partitioning.RESCALE, 3, 0, null, 128, "x"), "a", "b", "c"))
                .containsExactly(0, 1, 2);
    }

    @Test
    void forwardAndGlobalPickTheFirstChannelAndBroadcastPicksAll() {
        assertThat(select(ChannelSelectors.of(Partitioning.FORWARD, 1, 2, null, 128, "x"), "a", "b")).containsExactly(0, 0);
        assertThat(select(ChannelSelectors.of(Partitioning.GLOBAL, 4, 2, null, 128, "x"), "a", "b")).containsExactly(0, 0);
        assertThat(select(ChannelSelectors.of(Partitioning.BROADCAST, 4, 2, null, 128, "x"), "a"))
                .containsExactly(ChannelSelector.ALL_CHANNELS);
    }

    @Test
    void aShuffleIsSeededByTheProducerSoTwoRunsShuffleAlike() {
        String[] values = {"a", "b", "c", "d", "e", "f", "g", "h"};
        List<Integer> first = select(ChannelSelectors.of(Partitioning.SHUFFLE, 4, 1, null, 128, "x"), values);

        assertThat(select(ChannelSelectors.of(Partitioning.SHUFFLE, 4, 1, null, 128, "x"), values)).isEqualTo(first);
        assertThat(first).allSatisfy(channel -> assertThat(channel).isBetween(0, 3));
    }
}
