package dev.weir.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreconditionsAndTimeUtilsTest {

    @Test
    void checksReturnTheReferenceAndThrowFlinksExceptionsWithTemplatedMessages() {
        assertThat(Preconditions.checkNotNull("x", "never")).isEqualTo("x");
        assertThatThrownBy(() -> Preconditions.checkNotNull(null, "parameter %s of %s", "k", "job"))
                .isInstanceOf(NullPointerException.class).hasMessage("parameter k of job");
        assertThatThrownBy(() -> Preconditions.checkArgument(false, "bad %s and %s", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad 1 and %s");
        assertThatThrownBy(() -> Preconditions.checkArgument(false, "bad %s", 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad 1 [2, 3]");
        assertThatThrownBy(() -> Preconditions.checkState(false, "x %s %s", "a", null))
                .isInstanceOf(IllegalStateException.class).hasMessage("x a null");
        assertThatThrownBy(() -> Preconditions.checkState(false, (Object) "plain"))
                .isInstanceOf(IllegalStateException.class).hasMessage("plain");
        assertThatThrownBy(() -> Preconditions.checkArgument(false)).isInstanceOf(IllegalArgumentException.class).hasMessage(null);
        assertThatThrownBy(() -> Preconditions.checkElementIndex(5, 3, "idx"))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("idx Index: 5, Size: 3");
        Preconditions.checkArgument(true, "never %s", "formatted");
        Preconditions.checkState(true);
    }

    @Test
    void durationsParseWithFlinksUnitsAndMillisecondsByDefault() {
        assertThat(TimeUtils.parseDuration("10 s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TimeUtils.parseDuration("500")).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeUtils.parseDuration("1min")).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimeUtils.parseDuration(" 2 hours ")).isEqualTo(Duration.ofHours(2));
        assertThat(TimeUtils.parseDuration("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(TimeUtils.parseDuration("7 µs")).isEqualTo(Duration.ofNanos(7000));
        assertThat(TimeUtils.parseDuration("5ns")).isEqualTo(Duration.ofNanos(5));
    }

    @Test
    void aBadDurationIsRefusedNamingTheTextAndTheUnitsThatExist() {
        assertThatThrownBy(() -> TimeUtils.parseDuration("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A duration must not be blank: write a number and a unit, e.g. '10 s' or '500 ms'");
        assertThatThrownBy(() -> TimeUtils.parseDuration("-5 s")).isInstanceOf(NumberFormatException.class)
                .hasMessage("The duration '-5 s' does not start with a whole number: write e.g. '10 s' or '500 ms'");
        assertThatThrownBy(() -> TimeUtils.parseDuration("10 parsecs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Time unit 'parsecs' of duration '10 parsecs' is not one of DAYS: d | day | days, HOURS:");
        assertThatThrownBy(() -> TimeUtils.parseDuration("99999999999999999999 s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value '99999999999999999999' of duration '99999999999999999999 s' does not fit in 64 bits");
    }

    @Test
    void durationsFormatInTheHighestExactUnitAsFlinkDoes() {
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofMillis(60_000))).isEqualTo("1 min");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ZERO)).isEqualTo("0 ms");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofHours(48))).isEqualTo("2 d");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofNanos(1500))).isEqualTo("1500 ns");
        assertThat(TimeUtils.getStringInMillis(Duration.ofMinutes(1))).isEqualTo("60000ms");
    }
}
