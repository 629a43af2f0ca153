package dev.weir.plan;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.api.connector.source.Source;
import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.CoFlatMapFunction;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
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
