package dev.weir.bench.nexmark;

import dev.weir.bench.EventShape;

/**
 * The Nexmark generator both engines share, deterministic from the event index like {@link EventShape}.
 *
 * <p>Nexmark's defaults: of every 50 events 1 is a person, 3 are auctions and 46 are bids; the event time advances
 * 0.1 ms per event (Nexmark's first-event rate of 10,000 events/s); half the bids go to the current hot auction (the
 * last multiple of 100 among the auctions so far), the rest to one of the last 100 auctions or the next 10; three
 * bids in four come from the current hot bidder, the rest from one of the last 1,000 persons or the next 10; prices
 * are {@code round(10^(6u) * 100)} cents for a uniform {@code u}. Every random choice is a SplitMix64 draw of the
 * event index, so a given index yields the same event on every engine and every run.
 *
 * <p>Source indexes are interleaved across subtasks exactly as in {@link EventShape}, so each subtask's event times
 * start at 0 and rise; that needs {@code events % parallelism == 0}.
 */
public final class NexmarkShape implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PROPORTION = 50;
    private static final int PERSONS = 1;
    private static final int AUCTIONS = 3;
    private static final long FIRST_PERSON_ID = 1000;
    private static final long FIRST_AUCTION_ID = 1000;
    private static final long FIRST_CATEGORY_ID = 10;
    private static final int HOT_RATIO = 100;
    private static final int AUCTIONS_IN_FLIGHT = 100;
    private static final int PERSONS_ACTIVE = 1000;
    private static final int ID_LEAD = 10;
    private static final int EVENTS_PER_MILLI = 10;
    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
        "Sarah", "Deiter", "Walter"};
    /** Each first name's address, built once: a person's strings come from small pools, as in Nexmark's generator. */
    private static final String[] EMAILS = emails();
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
        "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] ITEMS = {"bicycle", "camera", "guitar", "lamp", "rug", "teapot", "watch"};

    private final long events;
    private final int parallelism;
    private final long share;

    public NexmarkShape(long events, int parallelism) {
        if (events <= 0 || parallelism <= 0 || events % parallelism != 0) {
            throw new IllegalArgumentException("NexmarkShape: events (" + events + ") must be a positive multiple of"
                    + " the parallelism (" + parallelism + "); round it");
        }
        this.events = events;
        this.parallelism = parallelism;
        this.share = events / parallelism;
    }

    public long events() {
        return events;
    }

    /** The event for source index {@code j} in {@code [0, events)}. */
    public NexmarkEvent event(long j) {
        return eventAt(logicalIndex(j));
    }

    /**
     * The event for source index {@code j}, written into {@code slot}'s event, person and auction instead of new ones
     * (its bid is always new): the same fields as {@link #event(long)}'s, valid until the slot's next use.
     */
    public NexmarkEvent event(long j, NexmarkEventSlot slot) {
        return fill(logicalIndex(j), slot.event, slot.person, slot.auction);
    }

    private long logicalIndex(long j) {
        return j % share * parallelism + j / share;
    }

    /** The logical event {@code i} of the Nexmark stream. */
    public static NexmarkEvent eventAt(long i) {
        return fill(i, new NexmarkEvent(), null, null);
    }

    /** Event {@code i} in {@code event}, its person or auction in the one given or, where that is null, a new one. */
    private static NexmarkEvent fill(long i, NexmarkEvent event, Person reusedPerson, Auction reusedAuction) {
        long epoch = i / PROPORTION;
        int offset = (int) (i % PROPORTION);
        long time = i / EVENTS_PER_MILLI;
        event.dateTime = time;
        if (offset < PERSONS) {
            event.person = person(reusedPerson != null ? reusedPerson : new Person(), epoch, i, time);
            event.auction = null;
            event.bid = null;
        } else if (offset < PERSONS + AUCTIONS) {
            event.person = null;
            event.auction = auction(reusedAuction != null ? reusedAuction : new Auction(),
                    epoch * AUCTIONS + offset - PERSONS, epoch, i, time);
            event.bid = null;
        } else {
            event.person = null;
            event.auction = null;
            event.bid = bid(epoch, i, time);
        }
        return event;
    }

    private static Person person(Person person, long epoch, long i, long time) {
        long r = EventShape.splitmix64(i);
        person.id = FIRST_PERSON_ID + epoch;
        person.name = pick(FIRST_NAMES, r);
        person.emailAddress = pick(EMAILS, r >>> 8);
        person.creditCard = Long.toString(r >>> 20 & 0xffff_ffffL);
        person.city = pick(CITIES, r >>> 16);
        person.state = pick(STATES, r >>> 24);
        person.dateTime = time;
        return person;
    }

    private static Auction auction(Auction auction, long base0Id, long epoch, long i, long time) {
        long r = EventShape.splitmix64(i);
        long initialBid = price(r);
        auction.id = FIRST_AUCTION_ID + base0Id;
        auction.itemName = pick(ITEMS, r >>> 8);
        auction.description = pick(ITEMS, r >>> 12);
        auction.initialBid = initialBid;
        auction.reserve = initialBid + price(EventShape.splitmix64(r)) / 10;
        auction.dateTime = time;
        auction.expires = time + 10_000 + (r >>> 40 & 0xffff);
        auction.seller = FIRST_PERSON_ID + ((r & 3) == 0 ? epoch / HOT_RATIO * HOT_RATIO
                : Math.max(0, epoch - PERSONS_ACTIVE)
                        + Long.remainderUnsigned(r >>> 2, Math.min(epoch, PERSONS_ACTIVE) + 1));
        auction.category = FIRST_CATEGORY_ID + (r >>> 32 & 7);
        return auction;
    }

    private static Bid bid(long epoch, long i, long time) {
        long r = EventShape.splitmix64(i);
        long lastAuction = epoch * AUCTIONS + AUCTIONS - 1;
        long auction;
        if ((r & 1) == 0) {
            auction = lastAuction / HOT_RATIO * HOT_RATIO;
        } else {
            long min = Math.max(0, lastAuction - AUCTIONS_IN_FLIGHT);
            auction = min + Long.remainderUnsigned(r >>> 1, lastAuction + ID_LEAD - min);
        }
        long lastPerson = epoch;
        long bidder;
        if ((r >>> 20 & 3) != 0) {
            bidder = lastPerson / HOT_RATIO * HOT_RATIO + 1;
        } else {
            long min = Math.max(0, lastPerson - PERSONS_ACTIVE);
            bidder = min + Long.remainderUnsigned(r >>> 22, lastPerson + ID_LEAD - min);
        }
        return new Bid(FIRST_AUCTION_ID + auction, FIRST_PERSON_ID + bidder, price(EventShape.splitmix64(r)), time);
    }

    /** Nexmark's price: {@code round(10^(6u) * 100)} for {@code u} uniform in [0, 1) from the top 53 bits of r. */
    private static long price(long r) {
        return NexmarkPrice.of(r);
    }

    private static String[] emails() {
        String[] emails = new String[FIRST_NAMES.length];
        for (int k = 0; k < emails.length; k++) {
            emails[k] = FIRST_NAMES[k] + "@example.com";
        }
        return emails;
    }

    private static String pick(String[] values, long r) {
        return values[(int) Long.remainderUnsigned(r, values.length)];
    }
}
