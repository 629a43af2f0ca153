package dev.weir.connector.datagen.source;

import dev.weir.api.connector.source.CollectingReaderOutput;
import dev.weir.api.connector.source.JavaSerialization;
import dev.weir.api.connector.source.TestReaderContext;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataGeneratorSourceTest {
    private static final long MILLI = 1_000_000L;

    private final AtomicLong now = new AtomicLong(123_456_789L);

    private DataGeneratorSource<String> limited(long count, double perSecond) {
        return new DataGeneratorSource<>(index -> "e" + index, count, RateLimiterStrategy.perSecond(perSecond), now::get);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void eachIndexIsGeneratedExactlyOnceAcrossSubtasks(int parallelism) throws Exception {
        DataGeneratorSource<String> source = new DataGeneratorSource<>(index -> "e" + index, 2100);
        List<String> all = new ArrayList<>();

        for (int subtask = 0; subtask < parallelism; subtask++) {
            all.addAll(CollectingReaderOutput.readAll(source, subtask, parallelism));
        }

        assertThat(all).isEqualTo(IntStream.range(0, 2100).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void splitsTheIndexesIntoContiguousShares() throws Exception {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(index -> index * 10, 5);

        assertThat(CollectingReaderOutput.readAll(source, 0, 2)).containsExactly(0L, 10L);
        assertThat(CollectingReaderOutput.readAll(source, 1, 2)).containsExactly(20L, 30L, 40L);
    }

    @Test
    void aCountOfLongMaxValueIsUnboundedAndAnyOtherBounded() throws Exception {
        DataGeneratorSource<Long> unbounded = new DataGeneratorSource<>(index -> index, Long.MAX_VALUE);
        SourceReader<Long> reader = unbounded.createReader(new TestReaderContext(3, 4));
        CollectingReaderOutput<Long> output = new CollectingReaderOutput<>();

        assertThat(unbounded.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(new DataGeneratorSource<>(index -> index, 10).getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).hasSize(1024);
        assertThat(output.records.get(0)).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)).shiftRight(2).longValueExact());
    }

    @Test
    void aCountOfZeroEndsAtOnce() throws Exception {
        assertThat(CollectingReaderOutput.readAll(new DataGeneratorSource<>(index -> index, 0), 0, 1)).isEmpty();
    }

    @Test
    void withoutALimitEachPollEmitsAFullBatch() throws Exception {
        SourceReader<Long> reader = new DataGeneratorSource<>(index -> index, 5000).createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<Long> output = new CollectingReaderOutput<>();

        reader.pollNext(output);
        reader.pollNext(output);

        assertThat(output.records).hasSize(2048);
    }

    @Test
    void theRateLimiterReturnsNothingAvailableWhileAheadOfSchedule() throws Exception {
        SourceReader<String> reader = limited(100, 1000).createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).containsExactly("e0");
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        now.addAndGet(MILLI / 2);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        now.addAndGet(MILLI / 2);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).containsExactly("e0", "e1");
        now.addAndGet(10 * MILLI);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).hasSize(12).endsWith("e11");
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    }

    @Test
    void eachSubtaskGetsItsShareOfTheRate() throws Exception {
        SourceReader<String> reader = limited(100, 1000).createReader(new TestReaderContext(1, 4));
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();

        reader.pollNext(output);
        now.addAndGet(3 * MILLI);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        now.addAndGet(MILLI);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);

        assertThat(output.records).containsExactly("e25", "e26");
    }

    @Test
    void aRateMustBePositiveAndFinite() {
        assertThatThrownBy(() -> RateLimiterStrategy.perSecond(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noOp()");
        assertThatThrownBy(() -> RateLimiterStrategy.perSecond(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiterStrategy.perSecond(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restoringASnapshotContinuesAtTheNextIndex() throws Exception {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(index -> index, 3000);
        SourceReader<Long> first = source.createReader(new TestReaderContext(0, 2));
        first.pollNext(new CollectingReaderOutput<>());
        Object position = first.snapshotState(1);

        SourceReader<Long> second = source.createReader(new TestReaderContext(0, 2));
        second.restoreState(position);

        assertThat(position).isEqualTo(1024L);
        assertThat(new CollectingReaderOutput<Long>().pollUntilEnd(second)).first().isEqualTo(1024L);
        assertThat(second.snapshotState(2)).isEqualTo(1500L);
        assertThatThrownBy(() -> second.restoreState(1501L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1500]");
    }

    @Test
    void opensTheGeneratorWithTheReaderContextAndClosesIt() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        TestReaderContext context = new TestReaderContext(1, 2);

        try (SourceReader<String> reader = new DataGeneratorSource<>(generator, 4).createReader(context)) {
            reader.start();
            assertThat(generator.opened).isSameAs(context);
            assertThat(new CollectingReaderOutput<String>().pollUntilEnd(reader)).containsExactly("2 of 2", "3 of 2");
        }
        assertThat(generator.closed).isTrue();
    }

    @Test
    void survivesJavaSerializationWithALambdaGenerator() throws Exception {
        DataGeneratorSource<String> copy = JavaSerialization.roundTrip(
                new DataGeneratorSource<>(index -> "n" + index, 3, RateLimiterStrategy.perSecond(1e9)));

        assertThat(CollectingReaderOutput.readAll(copy, 0, 1)).containsExactly("n0", "n1", "n2");
    }

    /** Remembers its lifecycle calls. */
    private static final class RecordingGenerator implements GeneratorFunction<Long, String> {
        SourceReaderContext opened;
        boolean closed;

        @Override
        public void open(SourceReaderContext readerContext) {
            opened = readerContext;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String map(Long index) {
            return index + " of " + opened.getParallelism();
        }
    }

    @Test
    void aPerCheckpointLimitLetsEachReaderEmitItsShareBetweenCompletedCheckpoints() throws Exception {
        DataGeneratorSource<String> source = new DataGeneratorSource<>(index -> "e" + index, 100, RateLimiterStrategy.perCheckpoint(6));
        SourceReader<String> reader = source.createReader(new TestReaderContext(1, 2));
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(output.records).containsExactly("e50", "e51", "e52");
        reader.notifyCheckpointComplete(1);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).containsExactly("e50", "e51", "e52", "e53", "e54", "e55");
    }

    /** A limiter of Flink's shape only: its permits complete when the test says. */
    static final class ManualPermits implements dev.weir.api.connector.source.util.ratelimit.RateLimiter {
        final java.util.ArrayDeque<java.util.concurrent.CompletableFuture<Void>> issued = new java.util.ArrayDeque<>();

        @Override
        public java.util.concurrent.CompletionStage<Void> acquire() {
            java.util.concurrent.CompletableFuture<Void> permit = new java.util.concurrent.CompletableFuture<>();
            issued.add(permit);
            return permit;
        }
    }

    @Test
    void aFlinkShapedLimiterIsAskedForOnePermitPerRecordAndTheReaderNeverBlocksOnIt() throws Exception {
        ManualPermits permits = new ManualPermits();
        DataGeneratorSource<String> source = new DataGeneratorSource<>(index -> "e" + index, 10, parallelism -> permits);
        SourceReader<String> reader = source.createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(permits.issued).as("one permit asked for, not yet granted").hasSize(1);
        permits.issued.peek().complete(null);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).containsExactly("e0");
        assertThat(permits.issued).hasSize(2);
    }

    @Test
    void aReaderContextReportsItsParallelismUnderFlinksName() {
        SourceReaderContext context = new TestReaderContext(1, 3);
        assertThat(context.currentParallelism()).isEqualTo(3);
    }
}
