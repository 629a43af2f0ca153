package dev.weir.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink's producers batch by 256 KB with a 5 ms linger unless the user set either; the user's values win. */
class ProducerBatchingTest {
    @Test
    void producersBatchBy256KbWithA5MsLingerWhenTheUserSetsNeither() {
        Map<String, Object> props = ProducerBatching.withDefaults(Map.of("bootstrap.servers", "localhost:9092"));

        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", "localhost:9092",
                "batch.size", "262144", "linger.ms", "5"));
    }

    @Test
    void theUsersBatchSizeAndLingerWin() {
        Map<String, Object> props = ProducerBatching.withDefaults(Map.of("bootstrap.servers", "localhost:9092",
                "batch.size", "16384", "linger.ms", "0"));

        assertThat(props).containsEntry("batch.size", "16384").containsEntry("linger.ms", "0");
    }

    @Test
    void aUserLingerKeepsTheBatchSizeDefaultAndTheOtherWayRound() {
        assertThat(ProducerBatching.withDefaults(Map.of("linger.ms", "50")))
                .containsEntry("linger.ms", "50").containsEntry("batch.size", "262144");
        assertThat(ProducerBatching.withDefaults(Map.of("batch.size", "1048576")))
                .containsEntry("batch.size", "1048576").containsEntry("linger.ms", "5");
    }
}
