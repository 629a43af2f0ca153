package dev.weir.api.common.eventtime;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a source or {@code assignTimestampsAndWatermarks} finds each element's timestamp and produces watermarks,
 * with Flink's factory methods: {@link #forMonotonousTimestamps()}, {@link #forBoundedOutOfOrderness(Duration)},
 * {@link #noWatermarks()} and {@link #forGenerator}, refined by {@link #withTimestampAssigner} and
 * {@link #withIdleness(Duration)}.
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** By default elements keep the timestamp they arrived with (e.g. a Kafka record's). */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        // A class, not a lambda: every source task of a job without an assigner calls this while starting.
        return new RecordTimestampAssigner<>();
    }

    /** Whether this strategy produces event time; {@link #noWatermarks()} does not. */
    default boolean producesWatermarks() {
        return true;
    }

    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        // Classes, not lambdas, here and in withTimestampAssigner: most event-time jobs reach them while starting.
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
            }
        };
    }

    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        Objects.requireNonNull(generatorSupplier, "generatorSupplier");
        return generatorSupplier::createWatermarkGenerator;
    }

    static <T> WatermarkStrategy<T> noWatermarks() {
        return new NoWatermarksStrategy<>();
    }

    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return withTimestampAssigner(new TimestampAssignerSupplier<T>() {
            private static final long serialVersionUID = 1L;

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return timestampAssigner;
            }
        });
    }

    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> assignerSupplier) {
        Objects.requireNonNull(assignerSupplier, "assignerSupplier");
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return assignerSupplier.createTimestampAssigner(context);
            }

            @Override
            public boolean producesWatermarks() {
                return base.producesWatermarks();
            }
        };
    }

    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return base.createTimestampAssigner(context);
            }

            @Override
            public boolean producesWatermarks() {
                return base.producesWatermarks();
            }
        };
    }

    /** The strategy of {@link #noWatermarks()}. */
    final class NoWatermarksStrategy<T> implements WatermarkStrategy<T>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new NoWatermarksGenerator<>();
        }

        @Override
        public boolean producesWatermarks() {
            return false;
        }
    }
}
