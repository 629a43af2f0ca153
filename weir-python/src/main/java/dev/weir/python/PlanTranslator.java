package dev.weir.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.configuration.Configuration;
import dev.weir.streaming.api.datastream.BroadcastStream;
import dev.weir.streaming.api.datastream.ConnectedStreams;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.DataStreamSink;
import dev.weir.streaming.api.datastream.KeyedStream;
import dev.weir.streaming.api.datastream.SingleOutputStreamOperator;
import dev.weir.streaming.api.datastream.WindowedStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.util.OutputTag;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Weir job a Python program described: one node of the plan (JSON, written by {@code weir/_internal/plan.py})
 * at a time, with Weir's public Java API. Python functions become {@link PythonStage}s and {@link PythonKeyedReduce}s;
 * sources, keying, windows, the built-in aggregations and sinks are Weir's own operators.
 */
final class PlanTranslator {
    private final StreamExecutionEnvironment env;
    private final int driverPort;
    /** PyFlink's options (and defaults) for how many records a bundle holds and how long its first one waits, in ms. */
    static final String BUNDLE_SIZE = "python.fn-execution.bundle.size";
    static final String BUNDLE_TIME = "python.fn-execution.bundle.time";

    private final Map<Integer, DataStream<Object>> streams = new HashMap<>();
    private int bundleSize = 100_000;
    private long bundleTimeMillis = 1000;
    private DataStream<Object> collected;
    private JsonNode nodes;

    PlanTranslator(StreamExecutionEnvironment env, int driverPort) {
        this.env = env;
        this.driverPort = driverPort;
    }

    /** Adds every node of the plan to the environment; returns the stream to collect, or null to just execute. */
    DataStream<Object> translate(JsonNode plan) throws IOException {
        if (plan.path("configuration").isObject()) {
            Configuration configuration = new Configuration();
            Configuration python = new Configuration();
            plan.get("configuration").fields().forEachRemaining(e -> (e.getKey().equals(BUNDLE_SIZE) || e.getKey().equals(BUNDLE_TIME)
                    ? python : configuration).setString(e.getKey(), e.getValue().asText()));
            env.configure(configuration);
            bundleSize = integerOption(python, BUNDLE_SIZE, bundleSize);
            bundleTimeMillis = integerOption(python, BUNDLE_TIME, bundleTimeMillis);
        }
        if (plan.hasNonNull("parallelism")) {
            env.setParallelism(plan.get("parallelism").asInt());
        }
        if (plan.hasNonNull("checkpoint_interval")) {
            env.enableCheckpointing(plan.get("checkpoint_interval").asLong());
        }
        nodes = plan.get("nodes");
        for (JsonNode node : nodes) {
            DataStream<Object> stream = translateNode(node);
            if (stream != null) {
                streams.put(node.get("id").asInt(), stream);
            }
        }
        return collected;
    }

    @SuppressWarnings("unchecked")
    private DataStream<Object> translateNode(JsonNode node) throws IOException {
        String kind = node.get("kind").asText();
        String name = node.get("name").asText();
        int id = node.get("id").asInt();
        switch (kind) {
            case "from_collection": {
                byte[] values = Base64.getDecoder().decode(node.get("values").asText());
                return configure((SingleOutputStreamOperator<Object>) (SingleOutputStreamOperator<?>)
                        env.fromData(ValueCodec.readAll(values)).name(name), node);
            }
            case "number_sequence": {
                // Runs of numbers need forward edges to the Python stages: the source at the job's parallelism.
                if (!node.hasNonNull("parallelism") && onlyPythonStagesRead(id)) {
                    NumberRunSource runs = new NumberRunSource(node.get("start").asLong(), node.get("end").asLong(),
                            Math.min(bundleSize, 1024));
                    return configure(env.fromSource(runs, (WatermarkStrategy<Object>) watermarks(node.get("strategy")), name), node);
                }
                NumberSequenceSource source = new NumberSequenceSource(node.get("start").asLong(), node.get("end").asLong());
                DataStream<?> numbers = env.fromSource(source, (WatermarkStrategy<Long>) (WatermarkStrategy<?>) watermarks(node.get("strategy")), name);
                return configure((SingleOutputStreamOperator<Object>) numbers, node);
            }
            case "file_source":
                return configure((SingleOutputStreamOperator<Object>) FileConnectors.source(env, node, watermarks(node.get("strategy")), name), node);
            case "kafka_source":
                return configure((SingleOutputStreamOperator<Object>) KafkaConnectors.source(env, node, watermarks(node.get("strategy")), name), node);
            case "sink_to":
                if (node.get("sink").get("type").asText().equals("kafka")) {
                    KafkaConnectors.sink(input(node), node.get("sink"), name, node);
                } else {
                    FileConnectors.sink(input(node), node.get("sink"), name, node);
                }
                return null;
            case "map":
                return configure(input(node).flatMap(stage(id, PythonStage.Reply.ONE_EACH)).name(name), node);
            case "flat_map":
                return configure(input(node).flatMap(stage(id, PythonStage.Reply.MANY_EACH)).name(name), node);
            case "filter":
                return configure(input(node).flatMap(stage(id, PythonStage.Reply.KEEP)).name(name), node);
            case "key_by":
                return configure(input(node).flatMap(stage(id, PythonStage.Reply.KEY)).name(name), node);
            case "assign_timestamps_and_watermarks":
                return assignTimestamps(node, name, id);
            case "reduce":
                return keyedReduce(node, node.path("window").isObject() ? new WindowPythonReduce(driverPort, id)
                        : new PythonKeyedReduce(driverPort, id, bundleSize, bundleTimeMillis), name);
            case "sum":
            case "min":
            case "max":
            case "min_by":
            case "max_by": {
                FieldAggregation.Kind aggregate = FieldAggregation.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
                return keyedReduce(node, new FieldAggregation(aggregate, node.path("position").asInt(),
                        node.hasNonNull("field") ? node.get("field").asText() : null, name), name);
            }
            case "process":
                return configure(input(node).process(new PythonProcess(driverPort, id)).name(name), node);
            case "keyed_process":
                return configure(input(node).keyBy(new KeyOfKeyed()).process(new PythonKeyedProcess(driverPort, id, bundleSize, bundleTimeMillis)).name(name), node);
            case "co_map":
            case "co_flat_map":
                return configure(connected(node).flatMap(new PythonCoStage(driverPort, id)).name(name), node);
            case "broadcast_state":
                // Not a stream of its own: the broadcast_process node that connects it reads it.
                return null;
            case "broadcast_process":
                return broadcastProcess(node, name, id);
            case "co_process":
                return configure(connected(node).process(new PythonCoProcess(driverPort, id)).name(name), node);
            case "keyed_co_process":
                return configure(connected(node).process(new PythonKeyedCoProcess(driverPort, id)).name(name), node);
            case "aggregate":
                return windowAggregate(node, name, id);
            case "window_process":
                return configure(WindowTranslation.windowed(input(node).keyBy(new KeyOfKeyed()), node, driverPort)
                        .process(new PythonWindowProcess(driverPort, id, node.path("clears").asBoolean(), countWindows(node))).name(name), node);
            case "function":
                // A window function given with a reduce or an aggregate: that node runs it.
                return null;
            case "side_output":
                return ((SingleOutputStreamOperator<Object>) input(node)).getSideOutput(new OutputTag<>(node.get("tag").asText()));
            case "union": {
                DataStream<Object>[] others = new DataStream[node.get("others").size()];
                for (int i = 0; i < others.length; i++) {
                    others[i] = streams.get(node.get("others").get(i).asInt());
                }
                return input(node).union(others);
            }
            case "print":
                configureSink(node.hasNonNull("identifier") ? input(node).print(node.get("identifier").asText())
                        : input(node).print(), node).name(name);
                return null;
            case "partition":
                return partition(input(node), node.get("how").asText());
            case "key_all":
                // window_all: every record under one key, so the keyed window operators (at parallelism 1) hold all.
                return input(node).map(new KeyAll()).name(name);
            case "collect":
                collected = input(node);
                return null;
            case "discard":
                // Weir's benchmarks only (weir/_internal/bench.py): the records end in the JVM, uncounted.
                input(node).sinkTo(new DiscardingSink<>()).name(name);
                return null;
            default:
                throw new IllegalArgumentException("this weir-python jar does not know the plan's '" + kind
                        + "' operator; the weir Python package is newer than the jar: rebuild Weir");
        }
    }

    private static DataStream<Object> partition(DataStream<Object> input, String how) {
        switch (how) {
            case "rebalance":
                return input.rebalance();
            case "rescale":
                return input.rescale();
            case "shuffle":
                return input.shuffle();
            case "forward":
                return input.forward();
            case "broadcast":
                return input.broadcast();
            default:
                throw new IllegalArgumentException("this weir-python jar does not know the partitioning '" + how
                        + "'; the weir Python package is newer than the jar: rebuild Weir");
        }
    }

    private DataStream<Object> assignTimestamps(JsonNode node, String name, int id) {
        JsonNode strategy = node.get("strategy");
        DataStream<Object> in = input(node);
        boolean pythonAssigner = strategy.get("has_assigner").asBoolean();
        if (pythonAssigner) {
            in = in.flatMap(stage(id, PythonStage.Reply.TIMESTAMP)).name(name + " (timestamp assigner)");
        }
        WatermarkStrategy<Object> watermarks = watermarks(strategy);
        if (pythonAssigner) {
            watermarks = watermarks.withTimestampAssigner((record, previous) -> ((Stamped) record).timestamp());
            return configure(in.assignTimestampsAndWatermarks(watermarks).name(name).map(new Unstamp()).name(name), node);
        }
        return configure(in.assignTimestampsAndWatermarks(watermarks).name(name), node);
    }

    static WatermarkStrategy<Object> watermarks(JsonNode strategy) {
        WatermarkStrategy<Object> watermarks;
        switch (strategy.get("type").asText()) {
            case "bounded_out_of_orderness":
                watermarks = WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(strategy.get("millis").asLong()));
                break;
            case "monotonous_timestamps":
                watermarks = WatermarkStrategy.forMonotonousTimestamps();
                break;
            default:
                watermarks = WatermarkStrategy.noWatermarks();
        }
        if (strategy.hasNonNull("idleness_millis")) {
            watermarks = watermarks.withIdleness(Duration.ofMillis(strategy.get("idleness_millis").asLong()));
        }
        return watermarks;
    }

    private DataStream<Object> keyedReduce(JsonNode node, ReduceFunction<Object> function, String name) {
        KeyedStream<Object, Object> keyed = input(node).keyBy(new KeyOfKeyed());
        JsonNode window = node.get("window");
        if (window == null || window.isNull()) {
            return configure(keyed.reduce(function).name(name), node);
        }
        WindowedStream<Object, Object, Window> windowed = WindowTranslation.windowed(keyed, node, driverPort);
        if (node.hasNonNull("window_function")) {
            return configure(windowed.reduce(function, windowFunction(node)).name(name), node);
        }
        return configure(windowed.reduce(function).name(name), node);
    }

    private DataStream<Object> windowAggregate(JsonNode node, String name, int id) {
        WindowedStream<Object, Object, Window> windowed = WindowTranslation.windowed(input(node).keyBy(new KeyOfKeyed()), node, driverPort);
        PythonWindowAggregate aggregate = new PythonWindowAggregate(driverPort, id);
        if (node.hasNonNull("window_function")) {
            return configure(windowed.aggregate(aggregate, windowFunction(node)).name(name), node);
        }
        return configure(windowed.aggregate(aggregate).name(name), node);
    }

    private PythonWindowProcess windowFunction(JsonNode node) {
        return new PythonWindowProcess(driverPort, node.get("window_function").asInt(),
                node.path("window_function_clears").asBoolean(), countWindows(node));
    }

    /** Whether the node's windows are tumbling count windows, whose functions see PyFlink's {@code CountWindow}. */
    private static boolean countWindows(JsonNode node) {
        JsonNode window = node.path("window");
        return window.path("type").asText().equals("count") && window.path("slide").asLong() == 0;
    }

    /** {@code input.connect(other.broadcast(descriptors)).process(...)}, keyed by the Python key where the plan says so. */
    private DataStream<Object> broadcastProcess(JsonNode node, String name, int id) {
        JsonNode broadcastNode = null;
        for (JsonNode candidate : nodes) {
            if (candidate.get("id").asInt() == node.get("other").asInt()) {
                broadcastNode = candidate;
            }
        }
        List<String> names = new ArrayList<>();
        for (JsonNode descriptor : broadcastNode.get("descriptors")) {
            names.add(descriptor.asText());
        }
        MapStateDescriptor<?, ?>[] descriptors = new MapStateDescriptor<?, ?>[names.size()];
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = BroadcastStateRequests.descriptor(names.get(i));
        }
        BroadcastStream<Object> broadcast = streams.get(broadcastNode.get("input").asInt()).broadcast(descriptors);
        if (node.path("keyed").asBoolean()) {
            return configure(input(node).keyBy(new KeyOfKeyed()).connect(broadcast)
                    .process(new PythonKeyedBroadcastProcess(driverPort, id, names)).name(name), node);
        }
        return configure(input(node).connect(broadcast).process(new PythonBroadcastProcess(driverPort, id, names)).name(name), node);
    }

    /** Both inputs of a connected node, keyed by their Python keys where the plan says so. */
    private ConnectedStreams<Object, Object> connected(JsonNode node) {
        ConnectedStreams<Object, Object> connected = input(node).connect(streams.get(node.get("other").asInt()));
        if (node.path("keyed").asBoolean()) {
            return connected.keyBy(new KeyOfKeyed(), new KeyOfKeyed());
        }
        return connected;
    }

    /**
     * Whether every reader of node {@code id} is a Python stage ({@code map}, {@code flat_map}, {@code filter},
     * {@code key_by}) of the job's parallelism, so that a forward edge keeps a {@link NumberRun} in its subtask and
     * nothing but a {@link PythonStage} sees one.
     */
    private boolean onlyPythonStagesRead(int id) {
        int readers = 0;
        for (JsonNode node : nodes) {
            boolean other = node.path("other").asInt(-1) == id;
            for (JsonNode others : node.path("others")) {
                other |= others.asInt() == id;
            }
            boolean input = node.path("input").asInt(-1) == id;
            if (!input && !other) {
                continue;
            }
            boolean stage = switch (node.get("kind").asText()) {
                case "map", "flat_map", "filter", "key_by" -> true;
                default -> false;
            };
            if (other || !stage || node.hasNonNull("parallelism") && node.get("parallelism").asInt() != env.getParallelism()) {
                return false;
            }
            readers++;
        }
        return readers > 0;
    }

    private PythonStage stage(int id, PythonStage.Reply reply) {
        return new PythonStage(driverPort, id, reply, bundleSize, bundleTimeMillis);
    }

    private static int integerOption(Configuration configuration, String key, long fallback) {
        String text = configuration.getString(key, null);
        if (text == null) {
            return (int) fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + key + "' is '" + text + "'; it must be a whole number of at least 1");
    }

    private DataStream<Object> input(JsonNode node) {
        return streams.get(node.get("input").asInt());
    }

    /** Applies the operator settings a Python program gave the node (uid, parallelism, chaining...). */
    private static DataStream<Object> configure(SingleOutputStreamOperator<Object> op, JsonNode node) {
        if (node.hasNonNull("uid")) {
            op.uid(node.get("uid").asText());
        }
        if (node.hasNonNull("uid_hash")) {
            op.setUidHash(node.get("uid_hash").asText());
        }
        if (node.hasNonNull("description")) {
            op.setDescription(node.get("description").asText());
        }
        if (node.hasNonNull("parallelism")) {
            op.setParallelism(node.get("parallelism").asInt());
        }
        if (node.hasNonNull("max_parallelism")) {
            op.setMaxParallelism(node.get("max_parallelism").asInt());
        }
        if (node.hasNonNull("slot_sharing_group")) {
            op.slotSharingGroup(node.get("slot_sharing_group").asText());
        }
        String chaining = node.path("chaining").asText("");
        if (chaining.equals("disable")) {
            op.disableChaining();
        } else if (chaining.equals("new_chain")) {
            op.startNewChain();
        }
        return op;
    }

    /** As {@link #configure} for a sink: the settings PyFlink's DataStreamSink takes. */
    static <T> DataStreamSink<T> configureSink(DataStreamSink<T> sink, JsonNode node) {
        if (node.hasNonNull("uid")) {
            sink.uid(node.get("uid").asText());
        }
        if (node.hasNonNull("uid_hash")) {
            sink.setUidHash(node.get("uid_hash").asText());
        }
        if (node.hasNonNull("description")) {
            sink.setDescription(node.get("description").asText());
        }
        if (node.hasNonNull("parallelism")) {
            sink.setParallelism(node.get("parallelism").asInt());
        }
        if (node.hasNonNull("slot_sharing_group")) {
            sink.slotSharingGroup(node.get("slot_sharing_group").asText());
        }
        if (node.path("chaining").asText("").equals("disable")) {
            sink.disableChaining();
        }
        return sink;
    }

    /** The key a Python key selector computed. */
    private static final class KeyOfKeyed implements KeySelector<Object, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getKey(Object record) {
            return ((Keyed) record).key();
        }
    }

    /** window_all's one key: every record of the stream belongs to it. */
    private static final class KeyAll implements MapFunction<Object, Object> {
        private static final long serialVersionUID = 1L;
        private static final Long KEY = 0L;

        @Override
        public Object map(Object record) {
            return new Keyed(KEY, Keyed.plain(record));
        }
    }

        /** Drops the event time's carrier once Weir has taken the timestamp from it. */
    private static final class Unstamp implements MapFunction<Object, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object map(Object record) {
            return ((Stamped) record).value();
        }
    }
}
