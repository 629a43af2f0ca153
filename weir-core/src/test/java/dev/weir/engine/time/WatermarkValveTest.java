package dev.weir.engine.time;

import static dev.weir.engine.time.WatermarkValve.NO_WATERMARK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WatermarkValveTest {
    private final WatermarkValve valve = new WatermarkValve(2);

    @Test
    void combinedWatermarkIsTheMinimumOfTheChannelsAndWaitsForEveryChannel() {
        assertThat(valve.onWatermark(0, 10)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(1, 5)).isEqualTo(5);
        assertThat(valve.onWatermark(1, 20)).isEqualTo(10);
        assertThat(valve.onWatermark(0, 15)).isEqualTo(15);
        assertThat(valve.onWatermark(0, 30)).isEqualTo(20);
        assertThat(valve.currentWatermark()).isEqualTo(20);
    }

    @Test
    void aWatermarkThatDoesNotMoveTheMinimumReportsNoWatermark() {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 10);
        assertThat(valve.onWatermark(1, 20)).isEqualTo(NO_WATERMARK);
        assertThat(valve.currentWatermark()).isEqualTo(10);
    }

    @Test
    void aChannelWatermarkGoingBackIsIgnored() {
        valve.onWatermark(0, 10);
        assertThat(valve.onWatermark(1, 10)).isEqualTo(10);
        assertThat(valve.onWatermark(0, 5)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(1, 20)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(0, 12)).isEqualTo(12);
    }

    @Test
    void anIdleChannelDoesNotHoldTheOthersBack() {
        assertThat(valve.onWatermark(0, 10)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onIdleness(1, true)).isEqualTo(10);
        assertThat(valve.isIdle()).isFalse();
        assertThat(valve.idlenessChanged()).isFalse();
        assertThat(valve.onWatermark(0, 20)).isEqualTo(20);
    }

    @Test
    void aChannelActiveAgainBehindTheCombinedWatermarkCountsOnlyOnceItCatchesUp() {
        valve.onIdleness(1, true);
        assertThat(valve.onWatermark(0, 20)).isEqualTo(20);
        assertThat(valve.onIdleness(1, false)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(0, 30)).isEqualTo(30);
        assertThat(valve.onWatermark(1, 25)).isEqualTo(NO_WATERMARK);
        assertThat(valve.currentWatermark()).isEqualTo(30);
        assertThat(valve.onWatermark(1, 35)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(0, 40)).isEqualTo(35);
    }

    @Test
    void whenAllChannelsAreIdleTheValveIsIdleAndAWatermarkMakesItActiveAgain() {
        valve.onWatermark(0, 10);
        assertThat(valve.onWatermark(1, 20)).isEqualTo(10);
        assertThat(valve.onIdleness(0, true)).isEqualTo(20);
        assertThat(valve.idlenessChanged()).isFalse();
        assertThat(valve.onIdleness(1, true)).isEqualTo(NO_WATERMARK);
        assertThat(valve.isIdle()).isTrue();
        assertThat(valve.idlenessChanged()).isTrue();

        assertThat(valve.onWatermark(1, 25)).isEqualTo(25);
        assertThat(valve.isIdle()).isFalse();
        assertThat(valve.idlenessChanged()).isTrue();
        assertThat(valve.onWatermark(1, 26)).isEqualTo(26);
        assertThat(valve.idlenessChanged()).isFalse();
    }

    @Test
    void whenTheLastActiveChannelGoesIdleTheLargestChannelWatermarkIsFlushed() {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);
        assertThat(valve.onIdleness(1, true)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onIdleness(0, true)).isEqualTo(20);
        assertThat(valve.isIdle()).isTrue();
        assertThat(valve.idlenessChanged()).isTrue();
    }

    @Test
    void markingAnActiveChannelActiveOrAnIdleChannelIdleChangesNothing() {
        assertThat(valve.onIdleness(0, false)).isEqualTo(NO_WATERMARK);
        assertThat(valve.idlenessChanged()).isFalse();
        valve.onIdleness(0, true);
        valve.onIdleness(1, true);
        assertThat(valve.onIdleness(1, true)).isEqualTo(NO_WATERMARK);
        assertThat(valve.idlenessChanged()).isFalse();
        assertThat(valve.onIdleness(1, false)).isEqualTo(NO_WATERMARK);
        assertThat(valve.isIdle()).isFalse();
        assertThat(valve.idlenessChanged()).isTrue();
    }

    @Test
    void aFinishedChannelNoLongerHoldsTheOthersBackAndAllFinishedIsMaxWatermark() {
        valve.onWatermark(0, 10);
        assertThat(valve.onWatermark(1, 20)).isEqualTo(10);
        assertThat(valve.onChannelFinished(0)).isEqualTo(20);
        assertThat(valve.onWatermark(0, 50)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(1, 30)).isEqualTo(30);
        assertThat(valve.onChannelFinished(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(valve.onChannelFinished(1)).isEqualTo(NO_WATERMARK);
        assertThat(valve.isIdle()).isFalse();
    }

    @Test
    void finishingTheLastActiveChannelWhileTheOthersAreIdleAdvancesToMaxAsInFlink() {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);
        assertThat(valve.onIdleness(0, true)).isEqualTo(20);
        assertThat(valve.onChannelFinished(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(valve.isIdle()).isFalse();
        assertThat(valve.onChannelFinished(0)).isEqualTo(NO_WATERMARK);
    }

    @Test
    void anInputThatGoesIdleAfterTheOtherFinishedReleasesTheMaxWatermark() {
        valve.onWatermark(0, 5);
        assertThat(valve.onChannelFinished(1)).isEqualTo(5);
        assertThat(valve.onIdleness(0, true)).isEqualTo(Long.MAX_VALUE);
        assertThat(valve.isIdle()).isFalse();
    }

    @Test
    void aFinishedChannelIgnoresIdleness() {
        valve.onChannelFinished(0);
        assertThat(valve.onIdleness(0, true)).isEqualTo(NO_WATERMARK);
        assertThat(valve.onWatermark(1, 7)).isEqualTo(7);
    }

    @Test
    void aSingleChannelValvePassesItsWatermarksThrough() {
        WatermarkValve single = new WatermarkValve(1);
        assertThat(single.currentWatermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(single.onWatermark(0, 3)).isEqualTo(3);
        assertThat(single.onWatermark(0, 3)).isEqualTo(NO_WATERMARK);
        assertThat(single.onWatermark(0, 4)).isEqualTo(4);
        assertThat(single.onChannelFinished(0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anUnknownChannelIsRefusedWithTheValidRange() {
        assertThatThrownBy(() -> valve.onWatermark(2, 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("input channel 2 does not exist: this valve has channels 0..1");
        assertThatThrownBy(() -> new WatermarkValve(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a watermark valve needs at least one input channel, got 0");
    }
}
