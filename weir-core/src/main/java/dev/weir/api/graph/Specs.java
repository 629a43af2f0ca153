package dev.weir.api.graph;

import dev.weir.api.connector.Sink;
import dev.weir.api.connector.SinkFunction;
import dev.weir.api.connector.Source;
import dev.weir.api.functions.BroadcastProcessFunction;
import dev.weir.api.functions.CoFlatMapFunction;
import dev.weir.api.functions.CoMapFunction;
import dev.weir.api.functions.CoProcessFunction;
import dev.weir.api.functions.FilterFunction;
import dev.weir.api.functions.FlatMapFunction;
import dev.weir.api.functions.KeyedBroadcastProcessFunction;
import dev.weir.api.functions.KeyedCoProcessFunction;
import dev.weir.api.functions.KeyedProcessFunction;
import dev.weir.api.functions.MapFunction;
import dev.weir.api.functions.ProcessFunction;
import dev.weir.api.functions.ReduceFunction;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.watermark.WatermarkStrategy;
import java.util.List;

/** The operator specs of the core API. Other modules add their own {@link OperatorSpec}s. */
public final class Specs {
    private Specs() {
    }

    /** Reads a {@link Source} and applies a watermark strategy to its elements. */
    public record SourceSpec(Source<?> source, WatermarkStrategy<?> watermarkStrategy) implements OperatorSpec {
        @Override
        public String kind() {
            return "Source";
        }
    }

    /** {@code DataStream#map}. */
    public record MapSpec(MapFunction<?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "Map";
        }
    }

    /** {@code DataStream#flatMap}. */
    public record FlatMapSpec(FlatMapFunction<?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "FlatMap";
        }
    }

    /** {@code DataStream#filter}. */
    public record FilterSpec(FilterFunction<?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "Filter";
        }
    }

    /** {@code DataStream#process} on a non-keyed stream. */
    public record ProcessSpec(ProcessFunction<?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "Process";
        }
    }

    /** {@code KeyedStream#process}. */
    public record KeyedProcessSpec(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "KeyedProcess";
        }

        @Override
        public boolean isKeyed() {
            return true;
        }
    }

    /** {@code KeyedStream#reduce} (and the field aggregations built on it): a running reduce per key. */
    public record KeyedReduceSpec(ReduceFunction<?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "KeyedReduce";
        }

        @Override
        public boolean isKeyed() {
            return true;
        }
    }

    /** {@code assignTimestampsAndWatermarks} in the middle of a stream. */
    public record TimestampsAndWatermarksSpec(WatermarkStrategy<?> watermarkStrategy) implements OperatorSpec {
        @Override
        public String kind() {
            return "Timestamps/Watermarks";
        }
    }

    /** {@code ConnectedStreams#map}. */
    public record CoMapSpec(CoMapFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "CoMap";
        }
    }

    /** {@code ConnectedStreams#flatMap}. */
    public record CoFlatMapSpec(CoFlatMapFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "CoFlatMap";
        }
    }

    /** {@code ConnectedStreams#process} with a {@link CoProcessFunction}. */
    public record CoProcessSpec(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "CoProcess";
        }
    }

    /** {@code ConnectedStreams#process} on two keyed streams. */
    public record KeyedCoProcessSpec(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "KeyedCoProcess";
        }

        @Override
        public boolean isKeyed() {
            return true;
        }
    }

    /** {@code BroadcastConnectedStream#process} with a {@link BroadcastProcessFunction}. */
    public record BroadcastProcessSpec(BroadcastProcessFunction<?, ?, ?> function, List<MapStateDescriptor<?, ?>> broadcastStates)
            implements OperatorSpec {
        @Override
        public String kind() {
            return "BroadcastProcess";
        }
    }

    /** {@code BroadcastConnectedStream#process} with a {@link KeyedBroadcastProcessFunction}: the first input is keyed. */
    public record KeyedBroadcastProcessSpec(KeyedBroadcastProcessFunction<?, ?, ?, ?> function,
                                            List<MapStateDescriptor<?, ?>> broadcastStates) implements OperatorSpec {
        @Override
        public String kind() {
            return "KeyedBroadcastProcess";
        }

        @Override
        public boolean isKeyed() {
            return true;
        }
    }

    /** {@code DataStream#sinkTo}. */
    public record SinkSpec(Sink<?> sink) implements OperatorSpec {
        @Override
        public String kind() {
            return "Sink";
        }
    }

    /** {@code DataStream#addSink}. */
    public record SinkFunctionSpec(SinkFunction<?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "Sink";
        }
    }
}
