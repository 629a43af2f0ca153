package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.TestReaderContext;
import dev.weir.builtin.ReaderYield;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.core.io.InputStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kafka reader's consumer is polled by a fetcher thread of the reader's own, which fetches batches ahead of what
 * the reader emits. A checkpoint holds the positions of the records the reader emitted, never those of records
 * fetched ahead, so a reader restored from it emits exactly the rest; closing the reader ends its fetcher thread,
 * also while the fetcher waits for room to hand over a batch.
 */
@Timeout(120)
class KafkaSourceFetcherTest {
    private static final int PER_PARTITION = 500;
    private static final int BEFORE_CHECKPOINT = 300;

    @Test
    void aReaderRestoredFromACheckpointTakenWhileBatchesWereFetchedAheadEmitsExactlyTheRecordsNotEmittedBefore() throws Exception {
        String topic = SharedKafka.newTopic("fetch-ahead", 2);
        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            SharedKafka.write(topic, p, 1000, IntStream.range(0, PER_PARTITION).mapToObj(i -> p + ":" + i).toArray(String[]::new));
        }
        // Batches of 20 records: the fetcher's queue is full long before the first reader emitted 300 records.
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setProperty("max.poll.records", "20").setProperty("client.id.prefix", topic)
                .setValueOnlyDeserializer(new SimpleStringSchema()).build();
        String fetcherThread = topic + "-0-fetcher";

        SourceReader<String> first = source.createReader(new TestReaderContext(0, 1));
        Output before = new Output(BEFORE_CHECKPOINT);
        Object position;
        try {
            first.start();
            while (before.records.size() < BEFORE_CHECKPOINT) {
                assertThat(first.pollNext(before)).isNotEqualTo(InputStatus.END_OF_INPUT);
                Thread.onSpinWait();
            }
            assertThat(threadAlive(fetcherThread)).as("a fetcher thread named %s while reading", fetcherThread).isTrue();
            position = first.snapshotState(1);
        } finally {
            first.close();
        }
        assertThat(threadAlive(fetcherThread)).as("the fetcher thread after the reader closed").isFalse();

        SourceReader<String> restored = source.createReader(new TestReaderContext(0, 1));
        Output after = new Output(Integer.MAX_VALUE);
        try {
            restored.restoreState(position);
            restored.start();
            while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {
                Thread.onSpinWait();
            }
        } finally {
            restored.close();
        }

        assertThat(after.records).as("records after the checkpoint").hasSize(2 * PER_PARTITION - before.records.size());
        List<String> all = new ArrayList<>(before.records);
        all.addAll(after.records);
        for (int partition = 0; partition < 2; partition++) {
            String prefix = partition + ":";
            List<String> expected = IntStream.range(0, PER_PARTITION).mapToObj(i -> prefix + i).toList();
            assertThat(all.stream().filter(r -> r.startsWith(prefix)).toList()).as("partition %d, in order, each once", partition)
                    .isEqualTo(expected);
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    /** Collects records and asks the reader to yield after each once it holds {@code limit}, as a checkpoint does. */
    private static final class Output implements ReaderOutput<String>, ReaderYield {
        final List<String> records = new ArrayList<>();
        private final int limit;

        Output(int limit) {
            this.limit = limit;
        }

        @Override
        public void collect(String record) {
            records.add(record);
        }

        @Override
        public void collect(String record, long timestamp) {
            records.add(record);
        }

        @Override
        public void markIdle() {
        }

        @Override
        public boolean yieldRequested() {
            return records.size() >= limit;
        }
    }
}
