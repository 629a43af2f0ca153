package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyGroupRangeAssignmentTest {

    @Test
    void murmurHashOfZeroIsTheMurmur3ReferenceValueForFourZeroBytes() {
        assertThat(KeyGroupRangeAssignment.murmurHash(0)).isEqualTo(0x2362F9DE);
    }

    @Test
    void murmurHashIsNeverNegative() {
        int[] codes = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 1, 42, -42, 0x80000001, 0x7ffffffe};
        for (int code : codes) {
            assertThat(KeyGroupRangeAssignment.murmurHash(code)).as("hash of %d", code).isNotNegative();
        }
        for (int code = -100_000; code < 100_000; code++) {
            assertThat(KeyGroupRangeAssignment.murmurHash(code)).isNotNegative();
        }
    }

    @Test
    void keyGroupsOfKeysWithExtremeHashCodesAreWithinMaxParallelism() {
        Object[] keys = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, "", "weir", Long.MIN_VALUE};
        for (Object key : keys) {
            assertThat(KeyGroupRangeAssignment.assignToKeyGroup(key, 128)).isBetween(0, 127);
            assertThat(KeyGroupRangeAssignment.assignToKeyGroup(key, 7)).isBetween(0, 6);
        }
    }

    @Test
    void consecutiveIntegerKeysSpreadOverEveryKeyGroup() {
        int[] counts = new int[128];
        for (int key = 0; key < 12_800; key++) {
            counts[KeyGroupRangeAssignment.assignToKeyGroup(key, 128)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(50, 150);
        }
    }

    @Test
    void nullKeyIsRefusedWithAMessageNamingTheKeySelector() {
        assertThatThrownBy(() -> KeyGroupRangeAssignment.assignToKeyGroup(null, 128))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("KeySelector returned null");
    }

    @Test
    void operatorIndexForKeyGroupScalesKeyGroupToParallelism() {
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(128, 4, 0)).isEqualTo(0);
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(128, 4, 31)).isEqualTo(0);
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(128, 4, 32)).isEqualTo(1);
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(128, 4, 127)).isEqualTo(3);
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(10, 3, 3)).isEqualTo(0);
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(10, 3, 4)).isEqualTo(1);
    }

    /** A power-of-two max parallelism takes a shift instead of the division: the same subtask, up to the largest. */
    @Test
    void operatorIndexForAPowerOfTwoMaxParallelismIsKeyGroupTimesParallelismDividedByIt() {
        for (int maxParallelism = 1; maxParallelism <= KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM; maxParallelism *= 2) {
            for (int parallelism : new int[] {1, 2, 3, 5, 7, 100, 1000, 32767, 32768}) {
                if (parallelism > maxParallelism) {
                    continue;
                }
                for (int keyGroup = 0; keyGroup < maxParallelism; keyGroup += 1 + keyGroup / 64) {
                    assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup))
                            .as("max=%d p=%d keyGroup=%d", maxParallelism, parallelism, keyGroup)
                            .isEqualTo((int) ((long) keyGroup * parallelism / maxParallelism));
                }
                assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, maxParallelism - 1))
                        .isEqualTo(parallelism - 1);
            }
        }
    }

    @Test
    void rangeOfEachOperatorIsExactlyTheKeyGroupsAssignedToItForAllSmallParallelisms() {
        for (int parallelism = 1; parallelism <= 16; parallelism++) {
            for (int maxParallelism = 1; maxParallelism <= 256; maxParallelism++) {
                if (parallelism > maxParallelism) {
                    int p = parallelism;
                    int max = maxParallelism;
                    assertThatThrownBy(() -> KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(max, p, 0))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("parallelism " + p + " must be in 1..maxParallelism (" + max + ")");
                    continue;
                }
                int nextStart = 0;
                for (int operator = 0; operator < parallelism; operator++) {
                    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, operator);
                    assertThat(range.isEmpty()).as("p=%d max=%d op=%d", parallelism, maxParallelism, operator).isFalse();
                    assertThat(range.getStartKeyGroup()).as("p=%d max=%d op=%d", parallelism, maxParallelism, operator).isEqualTo(nextStart);
                    for (int i = 0; i < range.size(); i++) {
                        int keyGroup = range.getKeyGroupId(i);
                        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup))
                                .as("p=%d max=%d keyGroup=%d", parallelism, maxParallelism, keyGroup)
                                .isEqualTo(operator);
                    }
                    nextStart = range.getEndKeyGroup() + 1;
                }
                assertThat(nextStart).as("p=%d max=%d covers all key groups", parallelism, maxParallelism).isEqualTo(maxParallelism);
            }
        }
    }

    @Test
    void keysAreAssignedToTheOperatorWhoseRangeHoldsTheirKeyGroup() {
        for (int key = 0; key < 1000; key++) {
            int operator = KeyGroupRangeAssignment.assignKeyToParallelOperator("k" + key, 128, 3);
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 3, operator);
            assertThat(range.contains(KeyGroupRangeAssignment.assignToKeyGroup("k" + key, 128))).isTrue();
        }
    }

    @Test
    void rangeForAnOperatorIndexOutsideTheParallelismIsRefused() {
        assertThatThrownBy(() -> KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator index 4 is outside 0..3 for parallelism 4");
    }

    @Test
    void defaultMaxParallelismIsOneAndAHalfTimesParallelismRoundedUpToAPowerOfTwoBetween128And32768() {
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(1)).isEqualTo(128);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(85)).isEqualTo(128);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(86)).isEqualTo(256);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(100)).isEqualTo(256);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(1000)).isEqualTo(2048);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(20_000)).isEqualTo(32768);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(Integer.MAX_VALUE / 2)).isEqualTo(32768);
        assertThatThrownBy(() -> KeyGroupRangeAssignment.computeDefaultMaxParallelism(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be at least 1, was 0");
    }
}
