package dev.weir.api.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.typeinfo.Types;
import dev.weir.util.Collector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Flink methods of the schemas: defaults for Weir-style lambdas, Flink's answers for the built-in schemas. */
class DeserializationSchemaDefaultsTest {
    @Test
    void aLambdaSchemaNeverEndsTheStreamAndReportsAGenericType() throws Exception {
        DeserializationSchema<String> lambda = bytes -> new String(bytes, StandardCharsets.UTF_8);
        lambda.open(null);

        assertThat(lambda.isEndOfStream("anything")).isFalse();
        assertThat(lambda.getProducedType().getTypeClass()).isEqualTo(Object.class);
        List<String> out = new ArrayList<>();
        lambda.deserialize("x".getBytes(StandardCharsets.UTF_8), new Collector<>() {
            @Override
            public void collect(String record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        });
        assertThat(out).containsExactly("x");
    }

    @Test
    void theStringSchemaIsOfTypeStringAndHasNoEnd() throws Exception {
        SimpleStringSchema schema = new SimpleStringSchema();
        schema.open((SerializationSchema.InitializationContext) null);

        assertThat(schema.getProducedType()).isEqualTo(Types.STRING);
        assertThat(schema.isEndOfStream("")).isFalse();
        assertThat(schema.serialize("é")).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }
}
