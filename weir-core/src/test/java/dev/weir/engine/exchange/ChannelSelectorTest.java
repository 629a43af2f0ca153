package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.java.functions.KeySelector;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelSelectorTest {

    private static int[] selectMany(ChannelSelector selector, int count) {
        int[] channels = new int[count];
        for (int i = 0; i < count; i++) {
            channels[i] = selector.select("record-" + i);
        }
        return channels;
    }

    @Test
    void forwardAlwaysAnswersItsOneChannel() {
        assertThat(selectMany(new ForwardSelector(3), 4)).containsExactly(3, 3, 3, 3);
        assertThatThrownBy(() -> new ForwardSelector(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void globalAlwaysAnswersChannelZero() {
        assertThat(selectMany(new GlobalSelector(), 3)).containsExactly(0, 0, 0);
    }

    @Test
    void broadcastAnswersAllChannels() {
        assertThat(selectMany(new BroadcastSelector(), 2))
                .containsExactly(ChannelSelector.ALL_CHANNELS, ChannelSelector.ALL_CHANNELS);
    }

    @Test
    void roundRobinCyclesThroughTheChannelsStartingAtTheOffsetModuloTheChannelCount() {
        assertThat(selectMany(new RoundRobinSelector(3, 0), 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(selectMany(new RoundRobinSelector(3, 4), 7)).containsExactly(1, 2, 0, 1, 2, 0, 1);
        assertThat(selectMany(new RoundRobinSelector(1, 5), 3)).containsExactly(0, 0, 0);
    }

    @Test
    void roundRobinRefusesNoChannelsAndNegativeOffsets() {
        assertThatThrownBy(() -> new RoundRobinSelector(0, 0)).hasMessageContaining("at least one channel");
        assertThatThrownBy(() -> new RoundRobinSelector(2, -1)).hasMessageContaining("must not be negative");
    }

    @Test
    void shuffleWithEqualSeedsRepeatsTheSameSequenceAndDifferentSeedsDiffer() {
        int[] first = selectMany(new ShuffleSelector(8, 42), 100);
        int[] again = selectMany(new ShuffleSelector(8, 42), 100);
        int[] other = selectMany(new ShuffleSelector(8, 43), 100);

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shuffleSpreadsRecordsEvenlyOverAllChannels() {
        int channels = 5;
        int draws = 100_000;
        int[] counts = new int[channels];
        for (int channel : selectMany(new ShuffleSelector(channels, 1), draws)) {
            counts[channel]++;
        }
        // Deterministic for this seed; a uniform draw lands within 3% of the mean per channel.
        for (int count : counts) {
            assertThat(count).isBetween(draws / channels * 97 / 100, draws / channels * 103 / 100);
        }
    }

    @Test
    void shuffleWithSeedZeroStillVaries() {
        Set<Integer> seen = new HashSet<>();
        for (int channel : selectMany(new ShuffleSelector(4, 0), 50)) {
            seen.add(channel);
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void keyGroupSelectorSendsEqualKeysToTheChannelTheKeyToChannelAssigns() {
        KeySelector<String, String> firstWord = s -> s.split(" ")[0];
        TestKeyGroups keyGroups = new TestKeyGroups(128, 4);
        KeyGroupSelector selector = new KeyGroupSelector(firstWord, keyGroups, "keyBy (1/2)");

        int apple = selector.select("apple pie");

        assertThat(selector.select(new String("apple tart"))).isEqualTo(apple);
        assertThat(apple).isEqualTo(keyGroups.channelOf(keyGroups.keyGroupOf("apple")));
    }

    @Test
    void keyGroupSelectorSpreadsDistinctKeysOverEveryChannel() {
        KeySelector<Integer, Integer> identity = i -> i;
        KeyGroupSelector selector = new KeyGroupSelector(identity, new TestKeyGroups(128, 4), "keyBy (1/1)");
        int[] counts = new int[4];
        for (int key = 0; key < 4_000; key++) {
            counts[selector.select(key)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(800, 1200);
        }
    }

    @Test
    void keyGroupSelectorFailsOnAnIdentityHashedKeyNamingTheOperatorAndTheRecord() {
        KeySelector<String, Object> badKey = s -> new Object();
        KeyGroupSelector selector = new KeyGroupSelector(badKey, new TestKeyGroups(128, 2), "keyBy after 'parse' (1/2)");

        assertThatThrownBy(() -> selector.select("line 1"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageContaining("keyBy after 'parse' (1/2)")
                .hasMessageContaining("'line 1'")
                .hasMessageContaining("java.lang.Object does not override hashCode()");
    }
}
