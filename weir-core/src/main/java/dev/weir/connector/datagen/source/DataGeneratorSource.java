package dev.weir.connector.datagen.source;

import dev.weir.api.connector.source.util.ratelimit.RateLimiter;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.builtin.LongRangeShare;
import dev.weir.builtin.ReaderYield;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import java.io.Serializable;
import dev.weir.api.common.typeinfo.TypeInformation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A parallel source that turns the indexes {@code 0..count-1} into records with a {@link GeneratorFunction}, as
 * Flink's {@code DataGeneratorSource}.
 *
 * <p>Subtask i of n generates a contiguous share of the indexes in ascending order. A {@code count} of
 * {@code Long.MAX_VALUE} makes the source unbounded. A {@link RateLimiterStrategy} caps the rate without sleeping:
 * each reader gets its share of the rate and returns {@code NOTHING_AVAILABLE} while it is ahead of schedule. The
 * checkpointed position is a {@link Long}: the next index.
 *
 * <pre>{@code
 * DataGeneratorSource<String> source =
 *         new DataGeneratorSource<>(index -> "event-" + index, 1_000_000, RateLimiterStrategy.perSecond(100));
 * }</pre>
 */
public final class DataGeneratorSource<OUT> implements Source<OUT> {
    private static final long serialVersionUID = 1L;
    static final int MAX_RECORDS_PER_POLL = 1024;

    private final GeneratorFunction<Long, OUT> generator;
    private final long count;
    private final RateLimiterStrategy rateLimiterStrategy;
    private final NanoClock clock;

    /** A source of {@code count} records, as fast as downstream takes them. */
    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count) {
        this(generatorFunction, count, RateLimiterStrategy.noOp());
    }

    /** A source of {@code count} records at the rate the strategy allows; {@code Long.MAX_VALUE} means unbounded. */
    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count, RateLimiterStrategy rateLimiterStrategy) {
        this(generatorFunction, count, rateLimiterStrategy, NanoClock.SYSTEM);
    }

    /** Flink's form with the produced type, accepted and not needed: Weir passes records by reference. */
    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count, TypeInformation<OUT> typeInfo) {
        this(generatorFunction, count, RateLimiterStrategy.noOp());
        Objects.requireNonNull(typeInfo, "typeInfo");
    }

    /** Flink's form with the produced type, accepted and not needed: Weir passes records by reference. */
    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count, RateLimiterStrategy rateLimiterStrategy,
                               TypeInformation<OUT> typeInfo) {
        this(generatorFunction, count, rateLimiterStrategy);
        Objects.requireNonNull(typeInfo, "typeInfo");
    }

    /** For tests: reads the time from {@code clock}. */
    DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count, RateLimiterStrategy rateLimiterStrategy, NanoClock clock) {
        this.generator = Objects.requireNonNull(generatorFunction, "generatorFunction");
        this.rateLimiterStrategy = Objects.requireNonNull(rateLimiterStrategy, "rateLimiterStrategy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (count < 0) {
            throw new IllegalArgumentException("DataGeneratorSource: count must not be negative, was " + count
                    + "; use Long.MAX_VALUE for an unbounded source");
        }
        this.count = count;
    }

    public long getCount() {
        return count;
    }

    @Override
    public Boundedness getBoundedness() {
        return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<OUT> createReader(SourceReaderContext readerContext) {
        int parallelism = readerContext.getParallelism();
        LongRangeShare share = LongRangeShare.of(0, count - 1, readerContext.getIndexOfSubtask(), parallelism);
        return new Reader<>(generator, readerContext, rateLimiterStrategy.createRateLimiter(parallelism), clock, share);
    }

    /** The time source of the rate limiter; a seam for tests, serializable because the source is. */
    @FunctionalInterface
    interface NanoClock extends Serializable {
        // A class, not a method reference: every generator source reaches this while its job starts.
        NanoClock SYSTEM = new NanoClock() {
            private static final long serialVersionUID = 1L;

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };

        long nanoTime();
    }

    /** Generates one subtask's share of the indexes. */
    private static final class Reader<OUT> implements SourceReader<OUT> {
        private final GeneratorFunction<Long, OUT> generator;
        private final SourceReaderContext context;
        private final RateLimiter rateLimiter;
        // Weir's own limiters grant many permits per call without allocating; others give one stage per permit.
        private final RateLimiter.Batched batched;
        private CompletableFuture<Void> pendingPermit;
        private final NanoClock clock;
        private final long first;
        // Inclusive and at most Long.MAX_VALUE - 1 (count - 1), so next = last + 1 cannot overflow.
        private final long last;
        private long next;
        /** The end (exclusive) of the indexes whose permits were taken; a poll that yielded leaves some for the next. */
        private long permittedUntil;

        Reader(GeneratorFunction<Long, OUT> generator, SourceReaderContext context, RateLimiter rateLimiter, NanoClock clock,
               LongRangeShare share) {
            this.generator = generator;
            this.context = context;
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "the RateLimiterStrategy returned a null RateLimiter");
            this.batched = rateLimiter instanceof RateLimiter.Batched b ? b : null;
            this.clock = clock;
            this.first = share.empty ? 0 : share.first;
            this.last = share.empty ? -1 : share.last;
            this.next = first;
        }

        @Override
        public void start() throws Exception {
            generator.open(context);
        }

        @Override
        public InputStatus pollNext(ReaderOutput<OUT> output) throws Exception {
            long i = next;
            if (i > last) {
                return InputStatus.END_OF_INPUT;
            }
            long stop = permittedUntil;
            if (stop <= i) {
                final int wanted = (int) Math.min(MAX_RECORDS_PER_POLL, last - i + 1);
                final int granted = batched != null ? batched.tryAcquire(clock.nanoTime(), wanted) : acquireEach(wanted);
                if (granted <= 0) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                stop = i + granted;
                permittedUntil = stop;
            }
            final GeneratorFunction<Long, OUT> generator = this.generator;
            final ReaderYield yield = ReaderYield.of(output);
            while (i < stop) {
                output.collect(generator.map(i));
                i++;
                if (yield.yieldRequested()) {
                    break;
                }
            }
            next = i;
            return InputStatus.MORE_AVAILABLE;
        }

        /** Takes the permits of a limiter of Flink's shape that are ready now, up to {@code wanted}. */
        private int acquireEach(int wanted) {
            int granted = 0;
            while (granted < wanted) {
                if (pendingPermit == null) {
                    pendingPermit = rateLimiter.acquire().toCompletableFuture();
                }
                if (!pendingPermit.isDone()) {
                    break;
                }
                CompletableFuture<Void> permit = pendingPermit;
                pendingPermit = null;
                permit.join();
                granted++;
            }
            return granted;
        }

        @Override
        public Object snapshotState(long checkpointId) {
            return next;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            rateLimiter.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void restoreState(Object state) {
            if (!(state instanceof Long index) || index < first || index > last + 1) {
                throw new IllegalArgumentException("DataGeneratorSource cannot resume from " + state + ": expected a Long "
                        + "index in [" + first + ", " + (last + 1) + "], this subtask's share; was the checkpoint taken "
                        + "with a different count or parallelism?");
            }
            next = index;
        }

        @Override
        public void close() throws Exception {
            generator.close();
        }
    }
}
