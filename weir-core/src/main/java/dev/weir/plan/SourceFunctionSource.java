package dev.weir.plan;

import dev.weir.api.common.eventtime.NoWatermarksGenerator;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.streaming.api.functions.source.ParallelSourceFunction;
import dev.weir.streaming.api.functions.source.SourceFunction;
import java.util.Objects;

/**
 * How {@code env.addSource(fn)} puts a legacy {@link SourceFunction} into the plan: a {@link Source} that only marks
 * the function. The engine recognizes it and runs the function on a thread of its own; it has no reader of its own.
 * A function that is not a {@link ParallelSourceFunction} allows parallelism 1 only.
 */
public final class SourceFunctionSource<T> implements Source<T> {
    private static final long serialVersionUID = 1L;

    private final SourceFunction<T> function;

    public SourceFunctionSource(SourceFunction<T> function) {
        this.function = Objects.requireNonNull(function, "function");
    }

    public SourceFunction<T> function() {
        return function;
    }

    /** Unknown until {@code run} returns; treated as unbounded, as Flink does. */
    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext readerContext) {
        throw new UnsupportedOperationException("A SourceFunction is run by the engine on a thread of its own; this runtime "
                + "does not know SourceFunctionSource");
    }

    @Override
    public int maxParallelism() {
        return function instanceof ParallelSourceFunction ? -1 : 1;
    }

    /**
     * The watermark strategy of a legacy source: no generator (the function emits its own watermarks, or a strategy
     * assigned downstream does), but downstream event-time operators are allowed, since the function may emit them.
     */
    public static <T> WatermarkStrategy<T> ownWatermarks() {
        return new OwnWatermarks<>();
    }

    /** See {@link #ownWatermarks()}. */
    private static final class OwnWatermarks<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new NoWatermarksGenerator<>();
        }
    }
}
