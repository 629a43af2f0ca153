package dev.weir.api.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.StateTtlConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeTest {
    @Test
    void aTimeKeepsItsSizeAndUnitAndConvertsToMillisecondsSecondsAndDuration() {
        Time time = Time.hours(2);
        assertThat(time.getSize()).isEqualTo(2);
        assertThat(time.getUnit()).isEqualTo(TimeUnit.HOURS);
        assertThat(time.toMilliseconds()).isEqualTo(7_200_000L);
        assertThat(time.toSeconds()).isEqualTo(7_200L);
        assertThat(time.toDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(Time.toDuration(time)).isEqualTo(Duration.ofHours(2));
        assertThat(Time.toDuration(null)).isNull();
        assertThat(time).hasToString("7200000 ms");
    }

    @Test
    void timesOfTheSameLengthAreEqualWhateverTheirUnits() {
        assertThat(Time.seconds(60)).isEqualTo(Time.minutes(1)).hasSameHashCodeAs(Time.of(60_000, TimeUnit.MILLISECONDS));
        assertThat(Time.days(1)).isEqualTo(Time.hours(24)).isNotEqualTo(Time.hours(23));
    }

    @Test
    void fromDurationKeepsWholeMillisecondsOnly() {
        assertThat(Time.fromDuration(Duration.ofNanos(2_999_999))).isEqualTo(Time.milliseconds(2));
        assertThat(Time.fromDuration(Duration.ofSeconds(3)).getUnit()).isEqualTo(TimeUnit.MILLISECONDS);
    }

    @Test
    void stateTtlConfigTakesFlinksGeneralTimeAsFlink1JobsPassIt() {
        assertThat(StateTtlConfig.newBuilder(Time.hours(1)).build().getTimeToLive()).isEqualTo(Duration.ofHours(1));
        assertThat(StateTtlConfig.newBuilder(Time.milliseconds(250)).build().getTimeToLive())
                .isEqualTo(StateTtlConfig.newBuilder(Duration.ofMillis(250)).build().getTimeToLive());
    }
}
