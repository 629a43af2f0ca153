package dev.weir.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaskProcessingTimeServiceTest {
    private long now;
    private final TaskProcessingTimeService service = new TaskProcessingTimeService(() -> now);
    private final List<String> fired = new ArrayList<>();

    private ProcessingTimeCallback record(String name) {
        return time -> fired.add(name + "@" + time);
    }

    @Test
    void currentProcessingTimeIsTheClock() {
        now = 42;
        assertThat(service.getCurrentProcessingTime()).isEqualTo(42);
    }

    @Test
    void dueTimersFireInTimeThenRegistrationOrder() throws Exception {
        service.registerTimer(30, record("a"));
        service.registerTimer(10, record("b"));
        service.registerTimer(10, record("c"));
        service.registerTimer(20, record("d"));
        now = 25;
        assertThat(service.fireDueTimers()).isEqualTo(3);
        assertThat(fired).containsExactly("b@10", "c@10", "d@20");
        assertThat(service.nextTimerTime()).isEqualTo(30);
        assertThat(service.numPendingTimers()).isEqualTo(1);
    }

    @Test
    void aTimerFiresOnceTheClockHasPassedItsTimeAsInFlink() throws Exception {
        service.registerTimer(5, record("a"));
        now = 5;
        assertThat(service.fireDueTimers()).as("during millisecond 5 an element may still belong to a window ending at 5").isZero();
        now = 6;
        assertThat(service.fireDueTimers()).isEqualTo(1);
    }

    @Test
    void nextTimerTimeIsMaxValueWithoutTimers() {
        assertThat(service.nextTimerTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDueTimerRegisteredByAFiringCallbackFiresInTheSameCallButALaterOneWaits() throws Exception {
        service.registerTimer(10, time -> {
            fired.add("first@" + time);
            service.registerTimer(12, record("due"));
            service.registerTimer(30, record("later"));
        });
        now = 20;
        assertThat(service.fireDueTimers()).isEqualTo(2);
        assertThat(fired).containsExactly("first@10", "due@12");
        assertThat(service.nextTimerTime()).isEqualTo(30);
    }

    @Test
    void manyTimersFireInTimeThenRegistrationOrder() throws Exception {
        Random random = new Random(7);
        List<long[]> expected = new ArrayList<>();
        List<Long> firedTimes = new ArrayList<>();
        List<Integer> firedIds = new ArrayList<>();
        for (int id = 0; id < 2000; id++) {
            long time = random.nextInt(300);
            int timerId = id;
            expected.add(new long[] {time, id});
            service.registerTimer(time, t -> {
                firedTimes.add(t);
                firedIds.add(timerId);
            });
        }
        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        now = 150;
        int firstBatch = service.fireDueTimers();
        now = 300;
        int secondBatch = service.fireDueTimers();
        assertThat(firstBatch + secondBatch).isEqualTo(2000);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(firedTimes.get(i)).isEqualTo(expected.get(i)[0]);
            assertThat(firedIds.get(i).longValue()).isEqualTo(expected.get(i)[1]);
        }
        assertThat(firedTimes.subList(0, firstBatch)).allMatch(t -> t <= 150);
    }

    @Test
    void aThrowingCallbackStopsFiringAndKeepsTheLaterTimers() {
        service.registerTimer(1, time -> {
            throw new IllegalStateException("boom");
        });
        service.registerTimer(2, record("b"));
        now = 5;
        assertThatThrownBy(service::fireDueTimers).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(service.numPendingTimers()).isEqualTo(1);
        assertThat(service.nextTimerTime()).isEqualTo(2);
    }

    @Test
    void manualServiceFiresTheTimersThatBecomeDueWhenItsTimeIsSet() throws Exception {
        ManualProcessingTimeService manual = new ManualProcessingTimeService(100);
        manual.registerTimer(150, record("a"));
        manual.registerTimer(120, record("b"));
        assertThat(manual.getCurrentProcessingTime()).isEqualTo(100);
        assertThat(manual.nextTimerTime()).isEqualTo(120);
        assertThat(manual.setCurrentTime(130)).isEqualTo(1);
        assertThat(fired).containsExactly("b@120");
        assertThat(manual.advance(20)).isEqualTo(1);
        assertThat(manual.getCurrentProcessingTime()).isEqualTo(150);
        assertThat(fired).containsExactly("b@120", "a@150");
        assertThat(manual.numPendingTimers()).isZero();
    }

    @Test
    void manualServiceRefusesToGoBack() {
        ManualProcessingTimeService manual = new ManualProcessingTimeService(100);
        assertThatThrownBy(() -> manual.setCurrentTime(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processing time cannot go back from 100 to 99: set a time at or after the current one");
    }
}
