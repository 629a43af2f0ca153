package dev.weir.flink.functions;

import dev.weir.api.common.functions.Function;
import dev.weir.streaming.api.functions.co.CoFlatMapFunction;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.RichCoFlatMapFunction;
import org.apache.flink.util.Collector;

/** Runs a Weir {@link CoMapFunction} or {@link CoFlatMapFunction} ({@code connect(...).map/flatMap}) as a Flink co-flat-map. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirCoFlatMapFunction extends RichCoFlatMapFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Function weir;
    private transient CollectorAdapter out;

    public WeirCoFlatMapFunction(Function weir) {
        if (!(weir instanceof CoMapFunction || weir instanceof CoFlatMapFunction)) {
            throw new IllegalArgumentException("Not a Weir CoMapFunction or CoFlatMapFunction: " + weir.getClass().getName());
        }
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void flatMap1(Object value, Collector<Object> collector) throws Exception {
        if (weir instanceof CoMapFunction map) {
            collector.collect(map.map1(value));
        } else {
            ((CoFlatMapFunction) weir).flatMap1(value, out.aim(collector));
        }
    }

    @Override
    public void flatMap2(Object value, Collector<Object> collector) throws Exception {
        if (weir instanceof CoMapFunction map) {
            collector.collect(map.map2(value));
        } else {
            ((CoFlatMapFunction) weir).flatMap2(value, out.aim(collector));
        }
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }
}
