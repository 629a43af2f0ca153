package dev.weir.sql.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Epoch milliseconds to a zone's wall clock and back, per row. {@code LocalDateTime.ofInstant} and {@code atZone} ask the
 * zone for its rules, and a {@link ZoneOffset} (UTC included) builds new rules, with a map of their own, on every call
 * (113 bytes a row in Nexmark q16's DATE_FORMAT): a fixed offset is applied directly here.
 */
public final class EpochMillis {
    private EpochMillis() {
    }

    /** The wall clock in UTC at {@code millis}: TIMESTAMP's form of an instant. */
    public static LocalDateTime utc(long millis) {
        return at(millis, ZoneOffset.UTC);
    }

    /** The wall clock in {@code zone} at {@code millis}. */
    public static LocalDateTime toLocal(long millis, ZoneId zone) {
        ZoneOffset offset = zone instanceof ZoneOffset ? (ZoneOffset) zone : zone.getRules().getOffset(Instant.ofEpochMilli(millis));
        return at(millis, offset);
    }

    /** The instant at which {@code zone}'s wall clock reads {@code t} (a gap or overlap resolved as {@code atZone} does). */
    public static long fromLocal(LocalDateTime t, ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return t.toInstant((ZoneOffset) zone).toEpochMilli();
        }
        return t.atZone(zone).toInstant().toEpochMilli();
    }

    private static LocalDateTime at(long millis, ZoneOffset offset) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000, offset);
    }
}
