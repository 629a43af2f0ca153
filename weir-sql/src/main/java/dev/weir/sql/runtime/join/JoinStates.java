package dev.weir.sql.runtime.join;

import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.types.Row;
import java.time.Duration;

/** What the regular, semi and anti joins share: their rows' state with Flink's TTL, and the NULL-key rule. */
final class JoinStates {
    private JoinStates() {
    }

    /** One side's rows, each with its counters; with {@code ttlMillis > 0}, forgotten that long after being written. */
    static MapStateDescriptor<Row, long[]> rows(String name, long ttlMillis) {
        MapStateDescriptor<Row, long[]> descriptor = new MapStateDescriptor<>(name, Row.class, long[].class);
        if (ttlMillis > 0) {
            // Flink's join state: written rows live for the TTL, reads do not extend it, expired rows are never seen.
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
                    .updateTtlOnCreateAndWrite().neverReturnExpired().build());
        }
        return descriptor;
    }

    /** One insert-only side's rows, duplicates included; with {@code ttlMillis > 0}, each forgotten as in {@link #rows}. */
    static ListStateDescriptor<Row> rowList(String name, long ttlMillis) {
        ListStateDescriptor<Row> descriptor = new ListStateDescriptor<>(name, Row.class);
        if (ttlMillis > 0) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
                    .updateTtlOnCreateAndWrite().neverReturnExpired().build());
        }
        return descriptor;
    }

    /** Whether {@code key} (a {@link GroupKeySelector}'s) has a NULL in a column compared with {@code =} ({@code nullKeysNeverMatch}): it matches nothing. */
    static boolean matchesNothing(Object key, boolean[] nullKeysNeverMatch) {
        for (int i = 0; i < nullKeysNeverMatch.length; i++) {
            if (nullKeysNeverMatch[i] && GroupKeySelector.column(key, i) == null) {
                return true;
            }
        }
        return false;
    }
}
