package dev.weir.streaming.api.windowing.assigners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.assigners.DynamicEventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignersTest {
    private static final WindowAssigner.WindowAssignerContext AT_1234 = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 1234;
        }
    };

    private static TimeWindow w(long start, long end) {
        return new TimeWindow(start, end);
    }

    @Test
    void tumblingWindowsAlignToTheOffsetAlsoForNegativeTimestamps() {
        TumblingEventTimeWindows tumbling = TumblingEventTimeWindows.of(Duration.ofMillis(10));
        assertThat(tumbling.assignWindows("x", 0, AT_1234)).containsExactly(w(0, 10));
        assertThat(tumbling.assignWindows("x", 9, AT_1234)).containsExactly(w(0, 10));
        assertThat(tumbling.assignWindows("x", -1, AT_1234)).containsExactly(w(-10, 0));
        assertThat(tumbling.assignWindows("x", -10, AT_1234)).containsExactly(w(-10, 0));
        TumblingEventTimeWindows shifted = TumblingEventTimeWindows.of(Time.milliseconds(10), Time.milliseconds(3));
        assertThat(shifted.assignWindows("x", 2, AT_1234)).containsExactly(w(-7, 3));
        assertThat(shifted.assignWindows("x", 3, AT_1234)).containsExactly(w(3, 13));
        assertThat(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(-3)).assignWindows("x", 6, AT_1234)).containsExactly(w(-3, 7));
        assertThat(w(0, 10).maxTimestamp()).isEqualTo(9);
    }

    @Test
    void slidingWindowsListEveryWindowOfAnElementLatestFirst() {
        assertThat(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)).assignWindows("x", 7, AT_1234))
                .containsExactly(w(5, 15), w(0, 10));
        assertThat(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)).assignWindows("x", -3, AT_1234))
                .containsExactly(w(-5, 5), w(-10, 0));
        assertThat(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(4), Duration.ofMillis(1)).assignWindows("x", 7, AT_1234))
                .containsExactly(w(5, 15), w(1, 11));
    }

    @Test
    void sessionWindowsOpenAGapLongWindowAtTheElement() {
        assertThat(EventTimeSessionWindows.withGap(Duration.ofMillis(5)).assignWindows("x", -2, AT_1234)).containsExactly(w(-2, 3));
        DynamicEventTimeSessionWindows<String> dynamic = EventTimeSessionWindows.withDynamicGap((String s) -> s.length());
        assertThat(dynamic.assignWindows("abc", 10, AT_1234)).containsExactly(w(10, 13));
        assertThatThrownBy(() -> dynamic.assignWindows("", 10, AT_1234)).hasMessageContaining("Dynamic gap can not be negative or zero");
    }

    @Test
    void processingTimeAssignersUseTheClockNotTheTimestamp() {
        assertThat(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)).assignWindows("x", 5, AT_1234)).containsExactly(w(1200, 1300));
        assertThat(SlidingProcessingTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(50)).assignWindows("x", 5, AT_1234))
                .containsExactly(w(1200, 1300), w(1150, 1250));
        assertThat(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)).assignWindows("x", 5, AT_1234)).containsExactly(w(1234, 1244));
        assertThat(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)).isEventTime()).isFalse();
    }

    @Test
    void globalWindowsPutEverythingInTheOneGlobalWindow() {
        assertThat(GlobalWindows.create().assignWindows("x", 5, AT_1234)).containsExactly(GlobalWindow.get());
        assertThat(GlobalWindow.get().maxTimestamp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eventTimeAssignersRefuseElementsWithoutTimestamps() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofMillis(10)).assignWindows("x", Long.MIN_VALUE, AT_1234))
                .hasMessageContaining("Long.MIN_VALUE timestamp");
    }

    @Test
    void offsetsMustBeSmallerThanTheSizeOrSlide() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(10)))
                .hasMessageContaining("abs(offset) < size");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(5)))
                .hasMessageContaining("abs(offset) < slide");
    }

    @Test
    void touchingOrOverlappingTimeWindowsMergeIntoTheirCover() {
        List<String> merges = new ArrayList<>();
        TimeWindow.mergeWindows(List.of(w(0, 5), w(5, 8), w(20, 30), w(7, 12), w(40, 41)),
                (toBeMerged, result) -> merges.add(result + " from " + toBeMerged.size()));
        assertThat(merges).containsExactly("TimeWindow{start=0, end=12} from 3");
        assertThat(TimeWindow.getWindowStartWithOffset(-1, 0, 7)).isEqualTo(-7);
    }
}
