package dev.weir.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.connector.file.src.FileSource;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.DataStreamSink;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** The plan's {@code file_source} and file {@code sink_to} nodes as Weir's own FileSource and FileSink. */
final class FileConnectors {
    private FileConnectors() {
    }

    @SuppressWarnings("unchecked")
    static DataStream<Object> source(StreamExecutionEnvironment env, JsonNode node, WatermarkStrategy<Object> watermarks, String name) {
        Path[] paths = new Path[node.get("paths").size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = Path.of(node.get("paths").get(i).asText());
        }
        FileSource.FileSourceBuilder<String> builder = FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths);
        if (node.hasNonNull("monitor_millis")) {
            builder.monitorContinuously(Duration.ofMillis(node.get("monitor_millis").asLong()));
        }
        DataStream<?> lines = env.fromSource(builder.build(), (WatermarkStrategy<String>) (WatermarkStrategy<?>) watermarks, name);
        return (DataStream<Object>) lines;
    }

    static void sink(DataStream<Object> input, JsonNode sink, String name, JsonNode node) {
        FileSink.DefaultRowFormatBuilder<Object> builder = FileSink.forRowFormat(Path.of(sink.get("path").asText()),
                new SimpleStringEncoder<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(sink.get("part_prefix").asText())
                        .withPartSuffix(sink.get("part_suffix").asText()).build());
        JsonNode rolling = sink.get("rolling");
        if (rolling != null && !rolling.isNull()) {
            if (rolling.get("type").asText().equals("on_checkpoint")) {
                builder.withRollingPolicy(OnCheckpointRollingPolicy.build());
            } else {
                builder.withRollingPolicy(DefaultRollingPolicy.builder()
                        .withMaxPartSize(rolling.get("part_size").asLong())
                        .withRolloverInterval(Duration.ofMillis(rolling.get("rollover_millis").asLong()))
                        .withInactivityInterval(Duration.ofMillis(rolling.get("inactivity_millis").asLong()))
                        .build());
            }
        }
        JsonNode buckets = sink.get("bucket_assigner");
        if (buckets != null && !buckets.isNull()) {
            builder.withBucketAssigner(buckets.get("type").asText().equals("base_path") ? new BasePathBucketAssigner<>()
                    : buckets.hasNonNull("zone") ? new DateTimeBucketAssigner<>(buckets.get("format").asText(),
                            ZoneId.of(buckets.get("zone").asText()))
                    : new DateTimeBucketAssigner<>(buckets.get("format").asText()));
        }
        if (sink.hasNonNull("bucket_check_millis")) {
            builder.withBucketCheckInterval(sink.get("bucket_check_millis").asLong());
        }
        DataStreamSink<Object> written = input.sinkTo(builder.build()).name(name);
        PlanTranslator.configureSink(written, node);
    }
}
