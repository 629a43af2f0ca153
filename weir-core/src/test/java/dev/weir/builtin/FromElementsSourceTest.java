package dev.weir.builtin;

import dev.weir.api.connector.source.CollectingReaderOutput;
import dev.weir.api.connector.source.JavaSerialization;
import dev.weir.api.connector.source.TestReaderContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.SourceReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FromElementsSourceTest {

    @Test
    void emitsTheElementsInOrderAndEndsInAFollowingPoll() throws Exception {
        FromElementsSource<String> source = new FromElementsSource<>(List.of("a", "b", "c"));
        SourceReader<String> reader = source.createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).containsExactly("a", "b", "c");
        assertThat(output.timestamps).containsOnlyNulls();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records).hasSize(3);
    }

    @Test
    void isBoundedAndNotParallel() {
        FromElementsSource<Integer> source = new FromElementsSource<>(List.of(1));

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.maxParallelism()).isEqualTo(1);
        assertThat(source.size()).isEqualTo(1);
    }

    @Test
    void emitsAtMostOneBatchPerPoll() throws Exception {
        List<Integer> elements = IntStream.range(0, 3000).boxed().toList();
        SourceReader<Integer> reader = new FromElementsSource<>(elements).createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<Integer> output = new CollectingReaderOutput<>();
        List<Integer> sizes = new ArrayList<>();

        while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
            sizes.add(output.records.size());
        }

        assertThat(sizes).containsExactly(1024, 2048, 3000);
        assertThat(output.records).isEqualTo(elements);
    }

    @Test
    void restoringASnapshotContinuesAtTheNextElement() throws Exception {
        List<Integer> elements = IntStream.range(0, 2000).boxed().toList();
        FromElementsSource<Integer> source = new FromElementsSource<>(elements);
        SourceReader<Integer> first = source.createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<Integer> before = new CollectingReaderOutput<>();
        first.pollNext(before);
        Object position = first.snapshotState(1);

        SourceReader<Integer> second = source.createReader(new TestReaderContext(0, 1));
        second.restoreState(position);
        second.start();
        List<Integer> after = new CollectingReaderOutput<Integer>().pollUntilEnd(second);

        assertThat(position).isEqualTo(1024L);
        assertThat(after).isEqualTo(elements.subList(1024, 2000));
    }

    @Test
    void aSnapshotAtTheEndRestoresToNothing() throws Exception {
        FromElementsSource<String> source = new FromElementsSource<>(List.of("x"));
        SourceReader<String> first = source.createReader(new TestReaderContext(0, 1));
        new CollectingReaderOutput<String>().pollUntilEnd(first);

        SourceReader<String> second = source.createReader(new TestReaderContext(0, 1));
        second.restoreState(first.snapshotState(7));

        assertThat(new CollectingReaderOutput<String>().pollUntilEnd(second)).isEmpty();
    }

    @Test
    void refusesANullElementNamingItsIndex() {
        assertThatThrownBy(() -> new FromElementsSource<>(Arrays.asList("a", "b", null, "d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 2")
                .hasMessageContaining("null");
    }

    @Test
    void refusesAPositionThatIsNotAnIndexOfItsElements() {
        SourceReader<String> reader = new FromElementsSource<>(List.of("a")).createReader(new TestReaderContext(0, 1));

        assertThatThrownBy(() -> reader.restoreState(5L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> reader.restoreState("0")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Long index");
    }

    @Test
    void whenRunWiderThanOneOnlySubtaskZeroEmits() throws Exception {
        FromElementsSource<String> source = new FromElementsSource<>(List.of("a", "b"));

        assertThat(CollectingReaderOutput.readAll(source, 0, 3)).containsExactly("a", "b");
        assertThat(CollectingReaderOutput.readAll(source, 1, 3)).isEmpty();
        assertThat(CollectingReaderOutput.readAll(source, 2, 3)).isEmpty();
    }

    @Test
    void laterChangesToTheGivenCollectionDoNotReachTheSource() throws Exception {
        List<String> elements = new ArrayList<>(List.of("a"));
        FromElementsSource<String> source = new FromElementsSource<>(elements);
        elements.add("b");

        assertThat(CollectingReaderOutput.readAll(source, 0, 1)).containsExactly("a");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        FromElementsSource<String> copy = JavaSerialization.roundTrip(new FromElementsSource<>(List.of("a", "b")));

        assertThat(CollectingReaderOutput.readAll(copy, 0, 1)).containsExactly("a", "b");
    }
}
