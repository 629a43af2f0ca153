package dev.weir.bench.nexmark;

/** q5's intermediate and result: the bids {@code auction} got in the sliding window ending at {@code windowEnd}. */
public class AuctionCount {
    public long auction;
    public long count;
    public long windowEnd;

    /** For Flink's POJO rules. */
    public AuctionCount() {
    }

    public AuctionCount(long auction, long count, long windowEnd) {
        this.auction = auction;
        this.count = count;
        this.windowEnd = windowEnd;
    }

    @Override
    public String toString() {
        return "AuctionCount{auction=" + auction + ", count=" + count + ", windowEnd=" + windowEnd + '}';
    }
}
