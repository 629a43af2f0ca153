package port;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;

/**
 * A source that decodes raw messages with a DeserializationSchema, the way socket and queue sources are written: it
 * takes its produced type from the schema (getProducedType) and stops at the first message the schema calls the end
 * of the stream (isEndOfStream). Results leave through a SerializationSchema into a file.
 */
public class SchemaSource {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        String[] messages = {"ann:3", "ben:5", "ann:4", "cat:1", "ben:2", "END:0", "dan:9", "ann:100"};
        env.addSource(new MessageSource<>(messages, new ScoreSchema()))
                .keyBy(score -> score.f0)
                .sum(1)
                .map(score -> score.f0 + " scored " + score.f1)
                .addSink(new SchemaFileSink(params.getRequired("output") + "/scores.txt", new SimpleStringSchema()));
        env.execute("SchemaSource");
    }

    /** Decodes {@code name:points}; a message named END ends the stream. */
    public static final class ScoreSchema implements DeserializationSchema<Tuple2<String, Integer>> {
        @Override
        public Tuple2<String, Integer> deserialize(byte[] message) throws IOException {
            String text = new String(message, StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return Tuple2.of(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        }

        @Override
        public boolean isEndOfStream(Tuple2<String, Integer> nextElement) {
            return "END".equals(nextElement.f0);
        }

        @Override
        public TypeInformation<Tuple2<String, Integer>> getProducedType() {
            return TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {});
        }
    }

    /** Emits the decoded messages until the schema says the stream has ended; its type is the schema's. */
    public static final class MessageSource<T> extends RichSourceFunction<T> implements ResultTypeQueryable<T> {
        private final String[] messages;
        private final DeserializationSchema<T> schema;
        private volatile boolean running = true;

        public MessageSource(String[] messages, DeserializationSchema<T> schema) {
            this.messages = messages;
            this.schema = schema;
        }

        @Override
        public void run(SourceContext<T> ctx) throws Exception {
            for (String message : messages) {
                T record = schema.deserialize(message.getBytes(StandardCharsets.UTF_8));
                if (!running || schema.isEndOfStream(record)) {
                    return;
                }
                ctx.collect(record);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return schema.getProducedType();
        }
    }

    /** Writes each record's serialized bytes and a newline to one file. */
    public static final class SchemaFileSink extends RichSinkFunction<String> {
        private final String file;
        private final SerializationSchema<String> schema;
        private transient OutputStream out;

        public SchemaFileSink(String file, SerializationSchema<String> schema) {
            this.file = file;
            this.schema = schema;
        }

        @Override
        public void open(Configuration parameters) throws Exception {
            Files.createDirectories(Paths.get(file).getParent());
            out = Files.newOutputStream(Paths.get(file));
        }

        @Override
        public void invoke(String value, Context context) throws Exception {
            out.write(schema.serialize(value));
            out.write('\n');
        }

        @Override
        public void close() throws Exception {
            if (out != null) {
                out.close();
            }
        }
    }
}
