package dev.weir.sql.connector.nexmark;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of Nexmark's generator under the names of Flink's {@code nexmark} connector: {@code first-event.rate}
 * and {@code next-event.rate} (events per second of event time, default 10,000), {@code events.num} (0 for an
 * unbounded stream) and the event mix {@code person.proportion}, {@code auction.proportion}, {@code bid.proportion}
 * (1:3:46). Plain Java, so that Flink's planner can be fed by the same class in the differential tests.
 */
public final class NexmarkConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The option keys, as Flink's nexmark connector spells them. */
    public static final Set<String> OPTIONS = Set.of("first-event.rate", "next-event.rate", "events.num", "person.proportion",
            "auction.proportion", "bid.proportion");

    private final long firstEventRate;
    private final long eventsNum;
    private final int personProportion;
    private final int auctionProportion;
    private final int bidProportion;

    public NexmarkConfig(long firstEventRate, long eventsNum, int personProportion, int auctionProportion, int bidProportion) {
        if (firstEventRate <= 0) {
            throw new IllegalArgumentException("'first-event.rate' must be positive (events per second), was " + firstEventRate);
        }
        if (eventsNum < 0) {
            throw new IllegalArgumentException("'events.num' must be 0 (unbounded) or a positive count, was " + eventsNum);
        }
        if (personProportion < 0 || auctionProportion < 0 || bidProportion < 0
                || personProportion + auctionProportion + bidProportion == 0) {
            throw new IllegalArgumentException("'person.proportion', 'auction.proportion' and 'bid.proportion' must be 0 or"
                    + " more and not all 0, were " + personProportion + ", " + auctionProportion + ", " + bidProportion);
        }
        if (bidProportion > 0 && auctionProportion == 0) {
            throw new IllegalArgumentException("bids need auctions to bid on: set 'auction.proportion' above 0 or"
                    + " 'bid.proportion' to 0");
        }
        this.firstEventRate = firstEventRate;
        this.eventsNum = eventsNum;
        this.personProportion = personProportion;
        this.auctionProportion = auctionProportion;
        this.bidProportion = bidProportion;
    }

    /** Nexmark's defaults: 10,000 events/s, unbounded, 1:3:46. */
    public static NexmarkConfig defaults() {
        return new NexmarkConfig(10_000, 0, 1, 3, 46);
    }

    /**
     * The configuration a table's options give (unknown keys are the caller's to refuse). Nexmark's generator can
     * alternate between two rates; Weir's keeps one, so {@code next-event.rate} must equal {@code first-event.rate}.
     */
    public static NexmarkConfig fromOptions(Map<String, String> options) {
        long first = number(options, "first-event.rate", 10_000);
        long next = number(options, "next-event.rate", first);
        if (next != first) {
            throw new IllegalArgumentException("'next-event.rate' (" + next + ") differs from 'first-event.rate' (" + first
                    + "): Weir's nexmark source generates at one rate; set both to the same value");
        }
        return new NexmarkConfig(first, number(options, "events.num", 0), (int) number(options, "person.proportion", 1),
                (int) number(options, "auction.proportion", 3), (int) number(options, "bid.proportion", 46));
    }

    private static long number(Map<String, String> options, String key, long fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option '" + key + "' must be a whole number, was '" + value + "'");
        }
    }

    /** The option keys this class reads, sorted, for error messages. */
    public static Set<String> optionKeys() {
        return new TreeSet<>(OPTIONS);
    }

    public long firstEventRate() {
        return firstEventRate;
    }

    /** The number of events, or 0 for an unbounded stream. */
    public long eventsNum() {
        return eventsNum;
    }

    public int personProportion() {
        return personProportion;
    }

    public int auctionProportion() {
        return auctionProportion;
    }

    public int bidProportion() {
        return bidProportion;
    }

    public int totalProportion() {
        return personProportion + auctionProportion + bidProportion;
    }
}
