package dev.weir.bench.nexmark;

/** A Nexmark bid of {@code bidder} on {@code auction} at {@code price} (Nexmark's {@code Bid}), a POJO. */
public class Bid {
    public long auction;
    public long bidder;
    public long price;
    public long dateTime;

    /** For Flink's POJO rules. */
    public Bid() {
    }

    public Bid(long auction, long bidder, long price, long dateTime) {
        this.auction = auction;
        this.bidder = bidder;
        this.price = price;
        this.dateTime = dateTime;
    }

    /**
     * Whether this bid ranks above {@code other} for q7: the higher price, then the earlier time, the lower auction,
     * the lower bidder. A total order, so the highest bid of a window is the same whatever order an engine reduces in.
     */
    public boolean outranks(Bid other) {
        if (price != other.price) {
            return price > other.price;
        }
        if (dateTime != other.dateTime) {
            return dateTime < other.dateTime;
        }
        if (auction != other.auction) {
            return auction < other.auction;
        }
        return bidder < other.bidder;
    }

    @Override
    public String toString() {
        return "Bid{auction=" + auction + ", bidder=" + bidder + ", price=" + price + ", dateTime=" + dateTime + '}';
    }
}
