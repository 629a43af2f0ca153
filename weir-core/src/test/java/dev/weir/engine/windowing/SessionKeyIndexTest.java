package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionKeyIndex} finds each key's latest session and its end as a map does, with {@code Long} keys, with keys
 * of other classes, and with both; a full map drops only keys whose latest session ended at or before the watermark.
 */
class SessionKeyIndexTest {
    /** The latest session's slot and end of a key. */
    private record Latest(int slot, long end) {
    }

    private static void latest(SessionKeyIndex index, Object key, int slot, long end, long watermark) {
        int entry = index.find(key);
        if (entry >= 0) {
            index.set(entry, slot, end);
        } else {
            index.add(entry, key, slot, end, watermark);
        }
    }

    /** Live keys are found with their latest session; a dead key is either gone or found as it was. */
    private static void assertSameAsModel(SessionKeyIndex index, Map<Object, Latest> model, Object[] keys, long watermark) {
        int live = 0;
        for (Object key : keys) {
            int entry = index.find(key);
            Latest expected = model.get(key);
            if (expected == null) {
                assertThat(entry).as("key %s", key).isNegative();
            } else if (expected.end() - 1 > watermark || entry >= 0) {
                live += expected.end() - 1 > watermark ? 1 : 0;
                assertThat(entry).as("key %s", key).isNotNegative();
                assertThat(new Latest(index.slot(entry), index.end(entry))).as("key %s", key).isEqualTo(expected);
            }
        }
        assertThat(index.size()).isBetween(live, model.size());
    }

    /** Random updates and sweeps over {@code keys}, compared after each step with a map. */
    private static void assertBehavesAsAMap(long seed, Object[] keys) {
        Random random = new Random(seed);
        SessionKeyIndex index = new SessionKeyIndex();
        Map<Object, Latest> model = new HashMap<>();
        long watermark = 0;
        for (int op = 0; op < 4_000; op++) {
            if (random.nextInt(50) == 0) {
                watermark += random.nextInt(200);
            } else {
                Object key = keys[random.nextInt(keys.length)];
                Latest latest = new Latest(random.nextInt(1_000_000), watermark + 2 + random.nextInt(300));
                latest(index, key, latest.slot(), latest.end(), watermark);
                model.put(key, latest);
            }
            if (op % 97 == 0) {
                assertSameAsModel(index, model, keys, watermark);
            }
        }
        assertSameAsModel(index, model, keys, watermark);
    }

    @Test
    void longKeysFindTheirLatestSessionThroughGrowthAndSweeps() {
        Object[] keys = new Object[500];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) i * 1_000_003L - 250_000L;
        }
        assertBehavesAsAMap(1, keys);
    }

    @Test
    void keysOfOtherClassesCompareByEqualsNotIdentity() {
        SessionKeyIndex index = new SessionKeyIndex();
        latest(index, "user-7", 3, 100, Long.MIN_VALUE);
        int entry = index.find(new String("user-7"));
        assertThat(entry).isNotNegative();
        assertThat(index.slot(entry)).isEqualTo(3);
        assertThat(index.find("user-8")).isNegative();
    }

    @Test
    void aKeyOfAnotherClassAmongLongKeysKeepsEveryKeyFindable() {
        Object[] keys = new Object[300];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i % 3 == 0 ? "k" + i : (Object) (long) i;
        }
        assertBehavesAsAMap(2, keys);
    }

    @Test
    void aFullMapDropsTheKeysWhoseLatestSessionEndedAtOrBeforeTheWatermarkInsteadOfGrowing() {
        SessionKeyIndex index = new SessionKeyIndex();
        // The map starts with 16 entries and is full at 8.
        for (long key = 0; key < 8; key++) {
            latest(index, key, (int) key, key < 6 ? 10 : 12, Long.MIN_VALUE);
        }
        latest(index, 8L, 8, 20, 10);
        assertThat(index.size()).isEqualTo(3);
        for (long key = 0; key < 6; key++) {
            assertThat(index.find(key)).isNegative();
        }
        assertThat(index.slot(index.find(6L))).isEqualTo(6);
        assertThat(index.slot(index.find(7L))).isEqualTo(7);
        assertThat(index.slot(index.find(8L))).isEqualTo(8);
        assertThat(index.toString()).isEqualTo("SessionKeyIndex{entries=3, capacity=16, longKeys=true}");
    }
}
