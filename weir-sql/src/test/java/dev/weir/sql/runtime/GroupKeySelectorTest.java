package dev.weir.sql.runtime;

import static dev.weir.sql.runtime.ColumnExprs.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import org.junit.jupiter.api.Test;

class GroupKeySelectorTest {

    @Test
    void aOneColumnKeyOfAValueTypeIsTheColumnsValueItself() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {1}, true);
        Row row = Row.of("a", 42L, 7);

        Object key = keys.getKey(row);

        assertThat(key).isSameAs(row.getField(1));
        assertThat(GroupKeySelector.column(key, 0)).isEqualTo(42L);
    }

    @Test
    void aNullInAOneColumnKeyIsOneKeyThatEveryNullSharesAndThatReadsBackAsNull() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {0}, true);

        Object key = keys.getKey(Row.of(null, 1L));

        assertThat(key).isEqualTo(new NullKey()).hasSameHashCodeAs(new NullKey());
        assertThat(key.hashCode()).isZero();
        assertThat(GroupKeySelector.column(key, 0)).isNull();
    }

    @Test
    void aSeveralColumnKeyEqualsAnotherWithEqualValuesArraysIncluded() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {2, 0}, false);

        Object first = keys.getKey(Row.of("a", 1, new byte[] {1, 2}));
        Object second = keys.getKey(Row.of("a", 2, new byte[] {1, 2}));
        Object other = keys.getKey(Row.of("b", 1, new byte[] {1, 2}));

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
        assertThat(GroupKeySelector.column(first, 0)).isEqualTo(new byte[] {1, 2});
        assertThat(GroupKeySelector.column(first, 1)).isEqualTo("a");
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

    @Test
    void aTwoColumnKeyOfLongsIsAPairEqualToTheSameValuesAndHashedAsAGroupKeyOfThem() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {2, 0}, false);

        Object first = keys.getKey(Row.of(1L, "x", 9L));
        Object second = keys.getKey(Row.of(1L, "y", 9L));
        Object swapped = keys.getKey(Row.of(9L, "x", 1L));

        assertThat(first).isInstanceOf(LongPairKey.class).isEqualTo(second).hasSameHashCodeAs(second)
                .isNotEqualTo(swapped).hasToString("[9, 1]");
        assertThat(first.hashCode()).isEqualTo(new GroupKey(new Object[] {9L, 1L}).hashCode());
        assertThat(GroupKeySelector.column(first, 0)).isEqualTo(9L);
        assertThat(GroupKeySelector.column(first, 1)).isEqualTo(1L);
    }

    @Test
    void aTwoColumnKeyWithANullOrANonLongIsAGroupKeyThatReadsBackItsValues() {
        GroupKeySelector keys = GroupKeySelector.of(new int[] {0, 1}, false);

        Object withNull = keys.getKey(Row.of(null, 1L));
        Object withInt = keys.getKey(Row.of(1L, 2));

        assertThat(withNull).isInstanceOf(GroupKey.class).isEqualTo(keys.getKey(Row.of(null, 1L)));
        assertThat(GroupKeySelector.column(withNull, 0)).isNull();
        assertThat(GroupKeySelector.column(withNull, 1)).isEqualTo(1L);
        assertThat(withInt).isInstanceOf(GroupKey.class).isNotEqualTo(keys.getKey(Row.of(1L, 2L)));
    }

    @Test
    void anExpressionKeyOfOneValueColumnIsItsValueAndOfTwoLongsAPair() {
        Expr first = column(0);
        Expr second = column(1);

        Object single = GroupKeySelector.ofExpressions(new Expr[] {second}, true).getKey(Row.of("a", 5L));
        Object nullSingle = GroupKeySelector.ofExpressions(new Expr[] {first}, true).getKey(Row.of(null, 5L));
        Object pair = GroupKeySelector.ofExpressions(new Expr[] {first, second}, false).getKey(Row.of(4L, 5L));

        assertThat(single).isEqualTo(5L);
        assertThat(GroupKeySelector.column(nullSingle, 0)).isNull();
        assertThat(pair).isEqualTo(GroupKeySelector.of(new int[] {0, 1}, false).getKey(Row.of(4L, 5L)));
    }
}
