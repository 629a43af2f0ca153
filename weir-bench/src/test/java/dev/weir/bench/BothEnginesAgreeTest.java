package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The smoke run of every workload Weir can run in this build: a tiny input on Weir and on Flink (the build's
 * version), whose outputs must digest to exactly the same checksum. Real measurements happen only in run.sh.
 */
@Timeout(120)
class BothEnginesAgreeTest {
    private static final long EVENTS = 20_000;
    private static final Engine WEIR = Engine.named("weir");
    private static final Engine FLINK = Engine.named("flink");

    static Stream<Workload> workloadsWeirCanRun() {
        return Arrays.stream(Workload.values()).filter(w -> w != Workload.STARTUP).filter(WEIR::supports);
    }

    @ParameterizedTest
    @MethodSource("workloadsWeirCanRun")
    void weirAndFlinkProduceTheSameOutputOnATinyInput(Workload workload) throws Exception {
        Checksum weir = WEIR.check(workload, EVENTS);
        Checksum flink = FLINK.check(workload, EVENTS);

        assertThat(weir).isEqualTo(flink);
        assertThat(weir.records()).isPositive();
    }

    @Test
    void theStatelessJobKeepsExactlyTheEventsAPlainLoopKeeps() throws Exception {
        EventShape shape = Workload.STATELESS.shape(EVENTS);
        List<Event> expected = new ArrayList<>();
        for (long j = 0; j < shape.events(); j++) {
            Event e = shape.event(j);
            e.value = (e.value * 31 + (int) e.key) & 0xffff;
            if (e.value % 3 != 0) {
                expected.add(e);
            }
        }

        assertThat(WEIR.check(Workload.STATELESS, EVENTS)).isEqualTo(Checksum.of(expected.iterator()));
    }

    @Test
    void theKeyedProcessJobAccountsForEveryEventOnceThroughItsTimers() throws Exception {
        EventShape shape = Workload.KEYED_PROCESS.shape(EVENTS);
        long valueSum = 0;
        for (long j = 0; j < shape.events(); j++) {
            valueSum += shape.event(j).value;
        }

        Checksum weir = WEIR.check(Workload.KEYED_PROCESS, EVENTS);

        assertThat(weir.sumA()).isEqualTo(valueSum);
        assertThat(weir.sumB()).isEqualTo(EVENTS);
    }

    @Test
    void everySubtasksShareStartsAtTimestampZeroAndRisesByOneMillisecondPerEvent() {
        EventShape shape = new EventShape(10, 1_000, 2);

        assertThat(shape.event(0).timestamp).isZero();
        assertThat(shape.event(5).timestamp).isZero();
        assertThat(shape.event(4).timestamp).isEqualTo(4);
        assertThat(shape.event(9).timestamp).isEqualTo(4);
        assertThat(shape.event(5).value).isEqualTo(1);
        assertThat(shape.event(1).value).isEqualTo(2);
    }

    @Test
    void bothEnginesTrivialJobsReachTheSinkAndReportTheirSpan() throws Exception {
        for (Engine engine : List.of(WEIR, FLINK)) {
            Span.reset();
            engine.runTrivialJob();

            assertThat(Span.firstRecordNanos()).as(engine.name()).isNotEqualTo(Long.MAX_VALUE);
            assertThat(Duration.ofNanos(Span.nanos())).as(engine.name()).isPositive();
        }
    }
}
