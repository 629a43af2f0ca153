package dev.weir.python;

import dev.weir.kafka.embedded.EmbeddedKafka;

/**
 * Starts weir-kafka's embedded broker for the Python Kafka test: prints its bootstrap servers on a line and stops
 * the broker when its standard input closes (the Python test ending, however it ends).
 */
public final class KafkaBrokerForTests {
    private KafkaBrokerForTests() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.out.println(kafka.bootstrapServers());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for the end of input.
            }
        }
    }
}
