package dev.weir.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.core.io.InputStatus;
import dev.weir.metrics.MetricGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberRunSourceTest {
    @Test
    void eachSubtaskEmitsItsShareOfTheSequenceAsRunsOfAtMostMaxRunAndAPollAtMost1024Numbers() throws Exception {
        List<Object> first = new ArrayList<>();
        SourceReader<Object> reader = new NumberRunSource(1, 3000, 700).createReader(context(0, 2));
        assertThat(reader.pollNext(output(first))).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(first).containsExactly(new NumberRun(1, 700), new NumberRun(701, 1024));
        List<Object> rest = new ArrayList<>();
        while (reader.pollNext(output(rest)) == InputStatus.MORE_AVAILABLE) {
            assertThat(rest).isNotEmpty();
        }
        assertThat(rest).containsExactly(new NumberRun(1025, 1500));

        List<Object> second = new ArrayList<>();
        SourceReader<Object> other = new NumberRunSource(1, 3000, 700).createReader(context(1, 2));
        while (other.pollNext(output(second)) == InputStatus.MORE_AVAILABLE) {
            assertThat(second).isNotEmpty();
        }
        assertThat(second).containsExactly(new NumberRun(1501, 2200), new NumberRun(2201, 2524),
                new NumberRun(2525, 3000));
    }

    @Test
    void aRunEndsAtLongMaxValueAcrossTheWholeLongRangeWithoutOverflow() throws Exception {
        List<Object> runs = new ArrayList<>();
        SourceReader<Object> reader = new NumberRunSource(Long.MAX_VALUE - 4, Long.MAX_VALUE, 3).createReader(context(0, 1));
        while (reader.pollNext(output(runs)) == InputStatus.MORE_AVAILABLE) {
            assertThat(runs).isNotEmpty();
        }
        assertThat(runs).containsExactly(new NumberRun(Long.MAX_VALUE - 4, Long.MAX_VALUE - 2),
                new NumberRun(Long.MAX_VALUE - 1, Long.MAX_VALUE));

        List<Object> whole = new ArrayList<>();
        new NumberRunSource(Long.MIN_VALUE, Long.MAX_VALUE, 2).createReader(context(1, 2)).pollNext(output(whole));
        assertThat(whole.get(0)).isEqualTo(new NumberRun(0, 1));
    }

    @Test
    void itCheckpointsAndRestoresNumberSequenceSourcePositionsSoEitherSourceResumesTheOther() throws Exception {
        SourceReader<Object> reader = new NumberRunSource(1, 5000, 500).createReader(context(0, 1));
        reader.pollNext(output(new ArrayList<>()));
        Object position = reader.snapshotState(1);
        assertThat(position).isEqualTo(new NumberSequenceSource.Position(1025, false));

        List<Long> plain = new ArrayList<>();
        SourceReader<Long> sequence = new NumberSequenceSource(1, 5000).createReader(context(0, 1));
        sequence.restoreState(position);
        sequence.pollNext(output(plain));
        assertThat(plain.get(0)).isEqualTo(1025L);

        List<Object> runs = new ArrayList<>();
        SourceReader<Object> restored = new NumberRunSource(1, 5000, 500).createReader(context(0, 1));
        restored.restoreState(sequence.snapshotState(2));
        restored.pollNext(output(runs));
        assertThat(runs.get(0)).isEqualTo(new NumberRun(2049, 2548));
    }

    @Test
    void aPositionOutsideTheSubtasksShareIsRefusedWithTheSequencesMessage() {
        SourceReader<Object> reader = new NumberRunSource(1, 100, 10).createReader(context(0, 2));
        assertThatThrownBy(() -> reader.restoreState(new NumberSequenceSource.Position(80, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NumberSequenceSource cannot resume from Position[next=80, exhausted=false]: expected a "
                        + "NumberSequenceSource.Position within this subtask's share [1, 50]; was the checkpoint taken "
                        + "with a different range or parallelism?");
    }

    private static <T> ReaderOutput<T> output(List<T> into) {
        return new ReaderOutput<>() {
            @Override
            public void collect(T record) {
                into.add(record);
            }

            @Override
            public void collect(T record, long timestamp) {
                into.add(record);
            }

            @Override
            public void markIdle() {
            }
        };
    }

    private static SourceReaderContext context(int subtask, int parallelism) {
        return new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return subtask;
            }

            @Override
            public int getParallelism() {
                return parallelism;
            }

            @Override
            public MetricGroup metricGroup() {
                return null;
            }
        };
    }
}
