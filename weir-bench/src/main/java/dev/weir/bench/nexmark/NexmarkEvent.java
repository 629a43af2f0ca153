package dev.weir.bench.nexmark;

/**
 * One event of the Nexmark stream: exactly one of {@link #person}, {@link #auction}, {@link #bid} is set, as in
 * Nexmark's own {@code Event}; {@link #dateTime} repeats its time so the watermark strategy needs no branch.
 */
public class NexmarkEvent {
    public Person person;
    public Auction auction;
    public Bid bid;
    public long dateTime;

    /** For Flink's POJO rules. */
    public NexmarkEvent() {
    }

    public NexmarkEvent(Person person, Auction auction, Bid bid, long dateTime) {
        this.person = person;
        this.auction = auction;
        this.bid = bid;
        this.dateTime = dateTime;
    }
}
