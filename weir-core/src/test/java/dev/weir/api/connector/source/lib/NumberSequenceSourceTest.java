package dev.weir.api.connector.source.lib;

import dev.weir.api.connector.source.CollectingReaderOutput;
import dev.weir.api.connector.source.JavaSerialization;
import dev.weir.api.connector.source.TestReaderContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.builtin.LongReaderOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSequenceSourceTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everyNumberIsEmittedExactlyOnceInContiguousAscendingShares(int parallelism) throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(-5, 2500);
        List<Long> all = new ArrayList<>();

        for (int subtask = 0; subtask < parallelism; subtask++) {
            List<Long> share = CollectingReaderOutput.readAll(source, subtask, parallelism);
            for (int i = 1; i < share.size(); i++) {
                assertThat(share.get(i)).isEqualTo(share.get(i - 1) + 1);
            }
            all.addAll(share);
        }

        assertThat(all).isEqualTo(LongStream.rangeClosed(-5, 2500).boxed().toList());
    }

    @Test
    void splitsTenNumbersOverFourSubtasksLikeFlink() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 9);

        assertThat(CollectingReaderOutput.readAll(source, 0, 4)).containsExactly(0L, 1L);
        assertThat(CollectingReaderOutput.readAll(source, 1, 4)).containsExactly(2L, 3L, 4L);
        assertThat(CollectingReaderOutput.readAll(source, 2, 4)).containsExactly(5L, 6L);
        assertThat(CollectingReaderOutput.readAll(source, 3, 4)).containsExactly(7L, 8L, 9L);
    }

    @Test
    void moreSubtasksThanNumbersLeaveSomeSubtasksEmpty() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 2);

        assertThat(CollectingReaderOutput.readAll(source, 0, 4)).isEmpty();
        assertThat(CollectingReaderOutput.readAll(source, 1, 4)).containsExactly(1L);
        assertThat(CollectingReaderOutput.readAll(source, 2, 4)).isEmpty();
        assertThat(CollectingReaderOutput.readAll(source, 3, 4)).containsExactly(2L);
    }

    @Test
    void aRangeEndingAtLongMaxValueEndsWithoutOverflow() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(Long.MAX_VALUE - 4, Long.MAX_VALUE);

        assertThat(CollectingReaderOutput.readAll(source, 0, 2)).containsExactly(Long.MAX_VALUE - 4, Long.MAX_VALUE - 3);
        assertThat(CollectingReaderOutput.readAll(source, 1, 2))
                .containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    }

    @Test
    void theWholeLongRangeSplitsAtZeroAndItsLastShareEndsAtLongMaxValue() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(Long.MIN_VALUE, Long.MAX_VALUE);
        SourceReader<Long> low = source.createReader(new TestReaderContext(0, 2));
        CollectingReaderOutput<Long> lowOutput = new CollectingReaderOutput<>();
        low.pollNext(lowOutput);
        SourceReader<Long> high = source.createReader(new TestReaderContext(1, 2));
        CollectingReaderOutput<Long> highOutput = new CollectingReaderOutput<>();
        high.pollNext(highOutput);

        assertThat(lowOutput.records.get(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(highOutput.records.get(0)).isZero();

        SourceReader<Long> tail = source.createReader(new TestReaderContext(1, 2));
        tail.restoreState(new NumberSequenceSource.Position(Long.MAX_VALUE - 2, false));
        assertThat(new CollectingReaderOutput<Long>().pollUntilEnd(tail))
                .containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(tail.snapshotState(3)).isEqualTo(new NumberSequenceSource.Position(Long.MAX_VALUE, true));
    }

    @Test
    void restoringASnapshotContinuesAtTheNextNumber() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 3000);
        SourceReader<Long> first = source.createReader(new TestReaderContext(1, 2));
        CollectingReaderOutput<Long> before = new CollectingReaderOutput<>();
        first.pollNext(before);
        Object position = first.snapshotState(1);

        SourceReader<Long> second = source.createReader(new TestReaderContext(1, 2));
        second.restoreState(position);
        List<Long> after = new CollectingReaderOutput<Long>().pollUntilEnd(second);

        assertThat(before.records).isEqualTo(LongStream.rangeClosed(1501, 2524).boxed().toList());
        assertThat(position).isEqualTo(new NumberSequenceSource.Position(2525, false));
        assertThat(after).isEqualTo(LongStream.rangeClosed(2525, 3000).boxed().toList());
    }

    @Test
    void emitsAtMostOneBatchPerPollAndEndsInAFollowingPoll() throws Exception {
        SourceReader<Long> reader = new NumberSequenceSource(1, 1024).createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<Long> output = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).hasSize(1024);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records).hasSize(1024);
    }

    @Test
    void refusesARangeThatRunsBackwards() {
        assertThatThrownBy(() -> new NumberSequenceSource(5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromSequence(5, 4)");
    }

    @Test
    void refusesAPositionOutsideItsShare() {
        SourceReader<Long> reader = new NumberSequenceSource(0, 9).createReader(new TestReaderContext(0, 2));

        assertThatThrownBy(() -> reader.restoreState(new NumberSequenceSource.Position(7, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 4]");
    }

    @Test
    void isBoundedAndSurvivesJavaSerialization() throws Exception {
        NumberSequenceSource copy = JavaSerialization.roundTrip(new NumberSequenceSource(3, 5));

        assertThat(copy.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(CollectingReaderOutput.readAll(copy, 0, 1)).containsExactly(3L, 4L, 5L);
    }

    @Test
    void anOutputThatTakesLongsGetsEveryNumberUnboxedUpToLongMaxValue() throws Exception {
        SourceReader<Long> reader = new NumberSequenceSource(Long.MAX_VALUE - 2, Long.MAX_VALUE)
                .createReader(new TestReaderContext(0, 1));
        LongCollectingOutput output = new LongCollectingOutput();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);

        assertThat(output.longs).containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(output.records).isEmpty();
    }

    /** An output like Weir's source task: it takes longs unboxed, and keeps anything that came boxed apart. */
    private static final class LongCollectingOutput implements ReaderOutput<Long>, LongReaderOutput {
        final List<Long> longs = new ArrayList<>();
        final List<Long> records = new ArrayList<>();

        @Override
        public void collectLong(long value) {
            longs.add(value);
        }

        @Override
        public void collect(Long record) {
            records.add(record);
        }

        @Override
        public void collect(Long record, long timestamp) {
            records.add(record);
        }

        @Override
        public void markIdle() {
        }
    }
}
