package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.AuctionCount;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.NexmarkEvent;
import dev.weir.bench.nexmark.NexmarkShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** 5 s of the SQL tumbling workload's event time (20 events per ms), and 10 s of the Nexmark stream. */
    private static final long SQL_EVENTS = 100_000;

    /** 25 s of Nexmark event time: three q7 windows and fifteen q5 windows. */
    private static final long NEXMARK_EVENTS = 250_000;

    static Stream<Workload> workloadsWeirCanRun() {
        return Arrays.stream(Workload.values()).filter(w -> w.kind() == Workload.Kind.THROUGHPUT)
                .filter(WEIR::supports).filter(FLINK::supports).filter(w -> !w.sql());
    }

    /**
     * SQL workloads are compared with their DataStream twins, not with Flink SQL: in one JVM Weir SQL's Calcite and
     * Janino break Flink's planner (run.sh gives each engine its own JVM and classpath).
     */
    static Stream<Workload> sqlWorkloads() {
        return Arrays.stream(Workload.values()).filter(Workload::sql).filter(w -> w.dataStreamTwin() != null);
    }

    private static long smokeEvents(Workload workload) {
        return workload == Workload.NEXMARK_Q5 || workload == Workload.NEXMARK_Q7 ? NEXMARK_EVENTS : EVENTS;
    }

    @ParameterizedTest
    @MethodSource("workloadsWeirCanRun")
    void weirAndFlinkProduceTheSameOutputOnATinyInput(Workload workload) throws Exception {
        Checksum weir = WEIR.check(workload, smokeEvents(workload));
        Checksum flink = FLINK.check(workload, smokeEvents(workload));

        if (workload == Workload.KEYED_PROCESS) {
            // A key's timer fires once the slower source subtask's watermark passes it; an event of the faster one
            // past the timer joins the pending sum or starts a new one depending on which comes first, on either
            // engine. So how many sums come out varies from run to run (it did under load); what they add up to does not.
            assertThat(weir.sumA()).isEqualTo(flink.sumA());
            assertThat(weir.sumB()).isEqualTo(flink.sumB());
        } else {
            assertThat(weir).isEqualTo(flink);
        }
        assertThat(weir.records()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("sqlWorkloads")
    void weirSqlGivesTheSameResultsAsTheSameQueryOnWeirsDataStreamApi(Workload workload) throws Exception {
        Checksum sql = WEIR.check(workload, SQL_EVENTS);
        Checksum dataStream = WEIR.check(workload.dataStreamTwin(), SQL_EVENTS);

        assertThat(sql).isEqualTo(dataStream);
        assertThat(sql.records()).isPositive();
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

    @Test
    void bothEnginesCollectTheDoubledSequenceOfThePeakMemoryProbesJobAndTheProbeReadsThePeakResidentSet() throws Exception {
        for (Engine engine : List.of(WEIR, FLINK)) {
            assertThat(engine.collectTrivialJob(1_000)).as(engine.name()).isEqualTo(1_000L * 1_001);
        }
        // This JVM ran both engines: its peak resident set is at least its used heap.
        Runtime runtime = Runtime.getRuntime();
        assertThat(PeakMemoryProbe.peakResidentBytes()).isGreaterThan(runtime.totalMemory() - runtime.freeMemory());
    }

    @Test
    void q7KeepsTheHighestBidOfEveryTenSecondsAsAPlainLoopDoes() throws Exception {
        Map<Long, Bid> highest = new TreeMap<>();
        for (Bid bid : bids(NEXMARK_EVENTS)) {
            highest.merge(bid.dateTime / 10_000, bid, (a, b) -> b.outranks(a) ? b : a);
        }

        Checksum weir = WEIR.check(Workload.NEXMARK_Q7, NEXMARK_EVENTS);

        assertThat(weir).isEqualTo(Checksum.of(highest.values().iterator()));
        assertThat(weir.records()).isEqualTo(3);
    }

    @Test
    void q5KeepsTheAuctionsWithTheMostBidsOfEverySlidingWindowAsAPlainLoopDoes() throws Exception {
        Map<Long, Map<Long, Long>> countsByWindowEnd = new TreeMap<>();
        for (Bid bid : bids(NEXMARK_EVENTS)) {
            long lastStart = Math.floorDiv(bid.dateTime, 2_000) * 2_000;
            for (long start = lastStart; start > bid.dateTime - 10_000; start -= 2_000) {
                countsByWindowEnd.computeIfAbsent(start + 10_000, end -> new HashMap<>())
                        .merge(bid.auction, 1L, Long::sum);
            }
        }
        List<AuctionCount> expected = new ArrayList<>();
        countsByWindowEnd.forEach((end, counts) -> {
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            counts.forEach((auction, count) -> {
                if (count == max) {
                    expected.add(new AuctionCount(auction, count, end));
                }
            });
        });

        assertThat(WEIR.check(Workload.NEXMARK_Q5, NEXMARK_EVENTS)).isEqualTo(Checksum.of(expected.iterator()));
    }

    @Test
    void everyFiftyNexmarkEventsAreOnePersonThreeAuctionsAndFortySixBidsTheSameOnEveryCall() {
        int persons = 0;
        int auctions = 0;
        int bids = 0;
        for (long i = 5_000; i < 5_050; i++) {
            NexmarkEvent event = NexmarkShape.eventAt(i);
            persons += event.person != null ? 1 : 0;
            auctions += event.auction != null ? 1 : 0;
            bids += event.bid != null ? 1 : 0;
        }
        Bid once = NexmarkShape.eventAt(5_049).bid;
        Bid again = NexmarkShape.eventAt(5_049).bid;

        assertThat(List.of(persons, auctions, bids)).containsExactly(1, 3, 46);
        assertThat(List.of(again.auction, again.bidder, again.price, again.dateTime))
                .containsExactly(once.auction, once.bidder, once.price, once.dateTime);
        assertThat(once.dateTime).isEqualTo(504);
    }

    @Test
    void bothEnginesReportOrderedLatencyQuantilesForTheResultsOfEveryWindowAnEventClosed() throws Exception {
        for (Engine engine : List.of(WEIR, FLINK)) {
            // 0.8 s at 100,000 events/s: four 200 ms windows, three closed by an event, the last by the end of input.
            long[] figures = engine.latency(Workload.LATENCY, 80_000, 100_000);

            assertThat(figures[0]).as(engine.name() + " p50").isPositive();
            assertThat(figures[1]).as(engine.name() + " p99").isGreaterThanOrEqualTo(figures[0]);
            assertThat(figures[2]).as(engine.name() + " p99.9").isGreaterThanOrEqualTo(figures[1])
                    .isLessThan(Duration.ofSeconds(10).toNanos());
            assertThat(figures[3]).as(engine.name() + " results").isGreaterThanOrEqualTo(Workload.LATENCY.keys);
            assertThat(Duration.ofNanos(figures[4])).as(engine.name() + " span").isPositive();
        }
    }

    @Test
    void bothEnginesRetainAPlausibleHeapPerKeyForAWindowThatCannotFire() throws Exception {
        long keys = 200_000;
        for (Engine engine : List.of(WEIR, FLINK)) {
            long bytesPerKey = engine.retainedHeap(Workload.HEAP_PER_KEY, keys) / keys;

            assertThat(bytesPerKey).as(engine.name()).isBetween(16L, 10_000L);
        }
    }

    @Test
    void theLatencyHistogramReportsQuantilesWithinTwoPercentAbove() {
        LatencyHistogram.reset();
        for (long v = 1; v <= 100_000; v++) {
            LatencyHistogram.record(v * 1_000);
        }

        assertThat(LatencyHistogram.count()).isEqualTo(100_000);
        assertThat(LatencyHistogram.quantile(0.5)).isBetween(50_000_000L, 51_000_000L);
        assertThat(LatencyHistogram.quantile(0.999)).isBetween(99_900_000L, 101_500_000L);
        assertThat(LatencyHistogram.quantile(1.0)).isBetween(100_000_000L, 101_600_000L);
        LatencyHistogram.reset();
    }

    private static List<Bid> bids(long events) {
        List<Bid> bids = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            Bid bid = NexmarkShape.eventAt(i).bid;
            if (bid != null) {
                bids.add(bid);
            }
        }
        return bids;
    }
}
