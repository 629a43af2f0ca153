package dev.weir.runtime.operators;

import dev.weir.api.InvalidProgramException;
import dev.weir.api.connector.Sink;
import dev.weir.api.connector.SinkFunction;
import dev.weir.api.functions.CoFlatMapFunction;
import dev.weir.api.functions.CoMapFunction;
import dev.weir.api.functions.CoProcessFunction;
import dev.weir.api.functions.FilterFunction;
import dev.weir.api.functions.FlatMapFunction;
import dev.weir.api.functions.KeyedCoProcessFunction;
import dev.weir.api.functions.KeyedProcessFunction;
import dev.weir.api.functions.MapFunction;
import dev.weir.api.functions.ProcessFunction;
import dev.weir.api.functions.ReduceFunction;
import dev.weir.api.graph.OperatorSpec;
import dev.weir.api.graph.Specs;
import dev.weir.api.watermark.WatermarkStrategy;

/** Turns an operator spec of the API into a fresh runtime operator, one per subtask. */
public final class OperatorFactory {
    private OperatorFactory() {
    }

    /**
     * @param missingEventTimeSource the name of a source whose stream reaches this operator without watermarks, or
     *                               null; keyed process operators refuse event-time timers then
     */
    @SuppressWarnings("unchecked")
    public static StreamOperator create(OperatorSpec spec, boolean keyed, String name, String missingEventTimeSource) {
        StreamOperator op;
        if (spec instanceof Specs.MapSpec s) {
            op = new MapOperator((MapFunction<Object, Object>) s.function());
        } else if (spec instanceof Specs.FlatMapSpec s) {
            op = new FlatMapOperator((FlatMapFunction<Object, Object>) s.function());
        } else if (spec instanceof Specs.FilterSpec s) {
            op = new FilterOperator((FilterFunction<Object>) s.function());
        } else if (spec instanceof Specs.ProcessSpec s) {
            op = new ProcessOperator((ProcessFunction<Object, Object>) s.function());
        } else if (spec instanceof Specs.KeyedProcessSpec s) {
            op = new KeyedProcessOperator((KeyedProcessFunction<Object, Object, Object>) s.function(), missingEventTimeSource);
        } else if (spec instanceof Specs.KeyedReduceSpec s) {
            op = new KeyedReduceOperator((ReduceFunction<Object>) s.function());
        } else if (spec instanceof Specs.TimestampsAndWatermarksSpec s) {
            op = new TimestampsAndWatermarksOperator((WatermarkStrategy<Object>) s.watermarkStrategy());
        } else if (spec instanceof Specs.CoMapSpec s) {
            op = new CoMapOperator((CoMapFunction<Object, Object, Object>) s.function());
        } else if (spec instanceof Specs.CoFlatMapSpec s) {
            op = new CoFlatMapOperator((CoFlatMapFunction<Object, Object, Object>) s.function());
        } else if (spec instanceof Specs.CoProcessSpec s) {
            op = new CoProcessOperator((CoProcessFunction<Object, Object, Object>) s.function());
        } else if (spec instanceof Specs.KeyedCoProcessSpec s) {
            op = new KeyedCoProcessOperator((KeyedCoProcessFunction<Object, Object, Object, Object>) s.function(), missingEventTimeSource);
        } else if (spec instanceof Specs.SinkSpec s) {
            op = new SinkWriterOperator((Sink<Object>) s.sink());
        } else if (spec instanceof Specs.SinkFunctionSpec s) {
            op = new SinkFunctionOperator((SinkFunction<Object>) s.function());
        } else {
            throw new InvalidProgramException("Operator '" + name + "' has a spec this runtime does not know (" + spec.getClass().getName()
                    + "): is the module that provides it on the class path?");
        }
        if (!keyed) {
            return op;
        }
        if (op instanceof OneInputOperator one) {
            return new KeyedOneInputOperator(one);
        }
        return new KeyedTwoInputOperator((TwoInputOperator) op);
    }
}
