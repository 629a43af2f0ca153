package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyGroupRangeTest {

    @Test
    void rangeIsInclusiveAtBothEnds() {
        KeyGroupRange range = KeyGroupRange.of(3, 5);
        assertThat(range.size()).isEqualTo(3);
        assertThat(range.contains(2)).isFalse();
        assertThat(range.contains(3)).isTrue();
        assertThat(range.contains(5)).isTrue();
        assertThat(range.contains(6)).isFalse();
        assertThat(range.getKeyGroupId(0)).isEqualTo(3);
        assertThat(range.getKeyGroupId(2)).isEqualTo(5);
        assertThat(range).hasToString("KeyGroupRange{3..5}");
    }

    @Test
    void rangesWithTheSameBoundsAreEqual() {
        assertThat(KeyGroupRange.of(0, 127)).isEqualTo(KeyGroupRange.of(0, 127)).hasSameHashCodeAs(KeyGroupRange.of(0, 127));
        assertThat(KeyGroupRange.of(0, 127)).isNotEqualTo(KeyGroupRange.of(0, 126));
    }

    @Test
    void endBeforeStartIsTheEmptyRange() {
        KeyGroupRange range = KeyGroupRange.of(4, 3);
        assertThat(range).isSameAs(KeyGroupRange.EMPTY);
        assertThat(range.isEmpty()).isTrue();
        assertThat(range.size()).isZero();
        assertThat(range.contains(0)).isFalse();
    }

    @Test
    void indexOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> KeyGroupRange.of(3, 5).getKeyGroupId(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 3 is outside KeyGroupRange{3..5} of size 3");
    }
}
