package dev.weir.sql.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.types.Row;
import org.junit.jupiter.api.Test;

class GroupKeySelectorTest {

    @Test
    void aOneColumnKeyOfAValueTypeIsTheColumnsValueItself() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {1}, true);
        Row row = Row.of("a", 42L, 7);

        Object key = keys.getKey(row);

        assertThat(key).isSameAs(row.getField(1));
        assertThat(keys.field(key, 0)).isEqualTo(42L);
    }

    @Test
    void aNullInAOneColumnKeyIsOneKeyThatEveryNullSharesAndThatReadsBackAsNull() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {0}, true);

        Object key = keys.getKey(Row.of(null, 1L));

        assertThat(key).isEqualTo(new NullKey()).hasSameHashCodeAs(new NullKey());
        assertThat(key.hashCode()).isZero();
        assertThat(keys.field(key, 0)).isNull();
    }

    @Test
    void aSeveralColumnKeyEqualsAnotherWithEqualValuesArraysIncluded() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {2, 0}, false);

        Object first = keys.getKey(Row.of("a", 1, new byte[] {1, 2}));
        Object second = keys.getKey(Row.of("a", 2, new byte[] {1, 2}));
        Object other = keys.getKey(Row.of("b", 1, new byte[] {1, 2}));

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
        assertThat(keys.field(first, 0)).isEqualTo(new byte[] {1, 2});
        assertThat(keys.field(first, 1)).isEqualTo("a");
        assertThat(first).hasToString("[[1, 2], a]");
    }

    @Test
    void aOneColumnKeyOfAnotherTypeIsAGroupKey() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {0}, false);

        Object key = keys.getKey(Row.of(new byte[] {3}));

        assertThat(key).isInstanceOf(GroupKey.class).isEqualTo(keys.getKey(Row.of(new byte[] {3})));
    }

    @Test
    void noColumnsIsOneKeyForEveryRow() {
        GroupKeySelector keys = GroupKeySelector.of(new int[0], false);

        assertThat(keys.getKey(Row.of(1L))).isEqualTo(keys.getKey(Row.of(2L)));
    }
}
