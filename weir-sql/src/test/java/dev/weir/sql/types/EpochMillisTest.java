package dev.weir.sql.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** EpochMillis reads and writes wall clocks exactly as java.time does, fixed offsets and zones with daylight saving alike. */
class EpochMillisTest {
    private static final long[] INSTANTS = {
        0L, -1L, -999L, 1_000L, 1_699_999_999_999L, -62_135_596_800_000L, 253_402_300_799_999L,
        // New York's 2024 spring-forward gap and fall-back overlap, a millisecond either side.
        1_710_053_999_999L, 1_710_054_000_000L, 1_730_613_599_999L, 1_730_613_600_000L, 1_730_617_200_000L,
    };
    private static final ZoneId[] ZONES = {
        ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHoursMinutes(-9, -30), ZoneId.of("UTC"),
        ZoneId.of("America/New_York"), ZoneId.of("Asia/Shanghai"), ZoneId.of("Australia/Lord_Howe"),
    };

    @Test
    void anInstantReadsAsTheWallClockJavaTimeGivesInEveryZone() {
        for (ZoneId zone : ZONES) {
            for (long millis : INSTANTS) {
                assertThat(EpochMillis.toLocal(millis, zone)).as("%d in %s", millis, zone)
                        .isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone));
            }
        }
        for (long millis : INSTANTS) {
            assertThat(EpochMillis.utc(millis)).isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
        }
    }

    @Test
    void aWallClockReadsBackAsTheInstantAtZoneGivesIncludingInGapsAndOverlaps() {
        LocalDateTime[] clocks = {
            LocalDateTime.of(2024, 3, 10, 2, 30), LocalDateTime.of(2024, 11, 3, 1, 30), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
            LocalDateTime.of(2024, 4, 7, 1, 45), LocalDateTime.of(2000, 1, 1, 0, 0),
        };
        for (ZoneId zone : ZONES) {
            for (LocalDateTime t : clocks) {
                assertThat(EpochMillis.fromLocal(t, zone)).as("%s in %s", t, zone).isEqualTo(t.atZone(zone).toInstant().toEpochMilli());
            }
        }
    }
}
