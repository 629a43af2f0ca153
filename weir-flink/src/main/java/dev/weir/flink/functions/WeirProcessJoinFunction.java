package dev.weir.flink.functions;

import dev.weir.util.OutputTag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.util.Collector;

/** Runs a Weir {@link dev.weir.streaming.api.functions.co.ProcessJoinFunction} (an interval join) as Flink's. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirProcessJoinFunction extends ProcessJoinFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.streaming.api.functions.co.ProcessJoinFunction weir;
    private transient CollectorAdapter out;
    private transient SideOutputTags tags;
    private transient JoinContext context;

    public WeirProcessJoinFunction(dev.weir.streaming.api.functions.co.ProcessJoinFunction<?, ?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        tags = new SideOutputTags();
        context = new JoinContext(weir);
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void processElement(Object left, Object right, Context ctx, Collector<Object> collector) throws Exception {
        context.flink = ctx;
        weir.processElement(left, right, context, out.aim(collector));
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }

    private final class JoinContext extends dev.weir.streaming.api.functions.co.ProcessJoinFunction.Context {
        private Context flink;

        JoinContext(dev.weir.streaming.api.functions.co.ProcessJoinFunction outer) {
            outer.super();
        }

        @Override
        public long getLeftTimestamp() {
            return flink.getLeftTimestamp();
        }

        @Override
        public long getRightTimestamp() {
            return flink.getRightTimestamp();
        }

        @Override
        public long getTimestamp() {
            return flink.getTimestamp();
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }
    }
}
