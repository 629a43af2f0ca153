package dev.weir.streaming.api.functions.sink.v2;

import dev.weir.api.connector.sink2.NoTimestampContext;
import dev.weir.api.connector.sink2.TestWriterInitContext;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weir.api.connector.sink2.SinkWriter;
import org.junit.jupiter.api.Test;

class DiscardingSinkTest {

    @Test
    void acceptsEveryElementIncludingNullAndWritesNothing() {
        assertThatCode(() -> {
            try (SinkWriter<Object> writer = new DiscardingSink<>().createWriter(new TestWriterInitContext(0, 1))) {
                for (int i = 0; i < 10_000; i++) {
                    writer.write(i, NoTimestampContext.INSTANCE);
                }
                writer.write(null, NoTimestampContext.INSTANCE);
                writer.writeWatermark(5);
                writer.flush(false);
                writer.flush(true);
            }
        }).doesNotThrowAnyException();
    }
}
