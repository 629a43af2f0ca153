package dev.weir.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A row's hash decides its key group, so it must stay the kind's ordinal combined with deepHashCode of the fields. */
class RowHashCodeTest {
    private static int expected(Row row, Object... fields) {
        return 31 * row.getKind().ordinal() + Arrays.deepHashCode(fields);
    }

    @Test
    void aRowHashesAsTheKindsOrdinalAndTheDeepHashOfItsFieldsForEveryKindOfField() {
        Object[] fields = {1L, "auction", null, 7, 2.5d, true, new BigDecimal("12.30"),
            LocalDateTime.of(2026, 12, 6, 12, 0), Row.of("nested", 3L), new long[] {1, 2}, new Object[] {"a", new int[] {3}}};
        Row row = Row.ofKind(RowKind.UPDATE_AFTER, fields);

        assertThat(row.hashCode()).isEqualTo(expected(row, fields));
        assertThat(Row.of().hashCode()).isEqualTo(expected(Row.of()));
        assertThat(Row.of(42L).hashCode()).isEqualTo(31 * RowKind.INSERT.ordinal() + 31 + Long.hashCode(42L));
    }
}
