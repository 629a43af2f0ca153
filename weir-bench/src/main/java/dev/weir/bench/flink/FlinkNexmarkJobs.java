package dev.weir.bench.flink;

import dev.weir.bench.Span;
import dev.weir.bench.nexmark.AuctionCount;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.NexmarkEvent;
import dev.weir.bench.nexmark.NexmarkEventSlot;
import dev.weir.bench.nexmark.NexmarkShape;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Flink's side of workload 7: {@code weir/WeirNexmarkJobs.java} with Flink's imports, plus the
 * {@code TypeInformation} Flink's generator source demands. Keep the two in step.
 */
public final class FlinkNexmarkJobs {
    private FlinkNexmarkJobs() {
    }

    /** The bids of the Nexmark stream, with bounded out-of-orderness 100 ms watermarks on the event time. */
    public static DataStream<Bid> bids(StreamExecutionEnvironment env, NexmarkShape shape) {
        DataGeneratorSource<NexmarkEvent> source = new DataGeneratorSource<>(new NexmarkGenerator(shape),
                shape.events(), TypeInformation.of(NexmarkEvent.class));
        WatermarkStrategy<NexmarkEvent> watermarks = WatermarkStrategy
                .<NexmarkEvent>forBoundedOutOfOrderness(Duration.ofMillis(100))
                .withTimestampAssigner((event, previous) -> event.dateTime);
        return env.fromSource(source, watermarks, "nexmark").filter(new IsBid()).map(new ToBid());
    }

    /**
     * q5, hot items: per sliding 10 s / 2 s window the auction(s) with the most bids, as
     * {@code AuctionCount(auction, count, windowEnd)}; ties all come out, as with Nexmark's {@code num >= maxn}.
     */
    public static DataStream<AuctionCount> q5(DataStream<Bid> bids) {
        return bids.keyBy(new ByAuction())
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .aggregate(new CountBids(), new StampWindowEnd())
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .process(new HottestAuctions());
    }

    /** q7, highest bid: per tumbling 10 s window the highest bid, pre-reduced per auction, then across auctions. */
    public static DataStream<Bid> q7(DataStream<Bid> bids) {
        return bids.keyBy(new ByAuction())
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .reduce(new HigherBid())
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .reduce(new HigherBid());
    }

    /** Turns source indexes into Nexmark events and tells the {@link Span} when each subtask opens. */
    static final class NexmarkGenerator implements GeneratorFunction<Long, NexmarkEvent> {
        private static final long serialVersionUID = 1L;
        private final NexmarkShape shape;
        /** This subtask's event, refilled per index: the job keeps only its bid (see {@link NexmarkEventSlot}). */
        private transient NexmarkEventSlot slot;

        NexmarkGenerator(NexmarkShape shape) {
            this.shape = shape;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            slot = new NexmarkEventSlot();
            Span.sourceOpened();
        }

        @Override
        public NexmarkEvent map(Long index) {
            return shape.event(index, slot);
        }
    }

    static final class IsBid implements FilterFunction<NexmarkEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(NexmarkEvent event) {
            return event.bid != null;
        }
    }

    static final class ToBid implements MapFunction<NexmarkEvent, Bid> {
        private static final long serialVersionUID = 1L;

        @Override
        public Bid map(NexmarkEvent event) {
            return event.bid;
        }
    }

    static final class ByAuction implements KeySelector<Bid, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Bid bid) {
            return bid.auction;
        }
    }

    /** Counts an auction's bids in a window. */
    static final class CountBids implements AggregateFunction<Bid, AuctionCount, AuctionCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public AuctionCount createAccumulator() {
            return new AuctionCount();
        }

        @Override
        public AuctionCount add(Bid bid, AuctionCount accumulator) {
            accumulator.auction = bid.auction;
            accumulator.count++;
            return accumulator;
        }

        @Override
        public AuctionCount getResult(AuctionCount accumulator) {
            return accumulator;
        }

        @Override
        public AuctionCount merge(AuctionCount a, AuctionCount b) {
            return new AuctionCount(a.count == 0 ? b.auction : a.auction, a.count + b.count, 0);
        }
    }

    /** Emits a fresh count stamped with its window's end, so accumulators shared between windows stay untouched. */
    static final class StampWindowEnd extends ProcessWindowFunction<AuctionCount, AuctionCount, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long auction, Context context, Iterable<AuctionCount> counts, Collector<AuctionCount> out) {
            for (AuctionCount count : counts) {
                out.collect(new AuctionCount(auction, count.count, context.window().getEnd()));
            }
        }
    }

    /**
     * Keeps the auctions with the most bids among one sliding window's counts: they carry the timestamp
     * {@code windowEnd - 1}, so each 2 s tumbling window holds exactly one sliding window's counts.
     */
    static final class HottestAuctions extends ProcessAllWindowFunction<AuctionCount, AuctionCount, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Context context, Iterable<AuctionCount> counts, Collector<AuctionCount> out) {
            long max = 0;
            for (AuctionCount count : counts) {
                max = Math.max(max, count.count);
            }
            for (AuctionCount count : counts) {
                if (count.count == max) {
                    out.collect(count);
                }
            }
        }
    }

    /** Keeps the bid that {@link Bid#outranks} the other, never mutating either. */
    static final class HigherBid implements ReduceFunction<Bid> {
        private static final long serialVersionUID = 1L;

        @Override
        public Bid reduce(Bid a, Bid b) {
            return b.outranks(a) ? b : a;
        }
    }
}
