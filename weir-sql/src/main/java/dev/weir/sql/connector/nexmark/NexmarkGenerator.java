package dev.weir.sql.connector.nexmark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Nexmark's auction stream, deterministic from the event number: event {@code n} is the same on every engine, every
 * run and every subtask, so sources split the numbers among subtasks however they like. Plain Java, no Weir types.
 *
 * <p>The shape follows Nexmark's generator: of every {@code person + auction + bid} events (1:3:46) the first are
 * persons, then auctions, then bids; ids start at 1000; event {@code n} happens {@code n / rate} seconds after the base
 * time (2015-07-15 00:00:00 UTC, Nexmark's fixed base time, instead of the wall clock so that runs compare); half the
 * bids go to the hot auction (the last multiple of 100 among the auctions so far) and the rest to one of the last 100
 * auctions; three bids in four come from the hot bidder, the rest from one of the last 1000 persons; prices are
 * {@code round(10^(6u) * 100)} for a uniform {@code u}; an auction is open 10 to 30 seconds; one bid in five comes
 * from a hot channel (Apple, Google, Facebook, Baidu), the others name their channel in the url's {@code channel_id}.
 * Every random choice is a SplitMix64 hash of the event number and the choice's number.
 */
public final class NexmarkGenerator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** 2015-07-15T00:00:00Z, Nexmark's base time. */
    public static final long BASE_TIME = 1_436_918_400_000L;
    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final long FIRST_CATEGORY_ID = 10;
    private static final int CATEGORIES = 5;
    private static final int HOT_RATIO = 100;
    private static final int AUCTIONS_IN_FLIGHT = 100;
    private static final int PERSONS_ACTIVE = 1000;
    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah",
        "Deiter", "Walter"};
    private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones",
        "Noris"};
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond",
        "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] ITEMS = {"bicycle", "camera", "guitar", "lamp", "rug", "teapot", "watch", "kettle", "desk"};
    private static final String[] HOT_CHANNELS = {"Apple", "Google", "Facebook", "Baidu"};
    private static final String[] URL_WORDS = {"auction", "item", "sale", "bid", "shop", "deal", "lot", "offer"};

    private final NexmarkConfig config;
    private final double microsPerEvent;

    public NexmarkGenerator(NexmarkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.microsPerEvent = 1_000_000.0 / config.firstEventRate();
    }

    public NexmarkConfig config() {
        return config;
    }

    /** The number of events, or {@code Long.MAX_VALUE} for an unbounded stream. */
    public long events() {
        return config.eventsNum() == 0 ? Long.MAX_VALUE : config.eventsNum();
    }

    /** Every field, of any kind of event: the mask of {@link #event(long, int, int, int)} that leaves nothing out. */
    public static final int ALL_FIELDS = -1;

    /** Event number {@code n} (from 0). */
    public NexmarkEvent event(long n) {
        return event(n, ALL_FIELDS, ALL_FIELDS, ALL_FIELDS);
    }

    /**
     * Event number {@code n} with only some fields made: bit {@code i} of a mask stands for field {@code i} of
     * {@link NexmarkColumns#PERSON}, {@link NexmarkColumns#AUCTION} or {@link NexmarkColumns#BID}. A field left out is
     * null (a string) or 0 (a number, where making it costs); the fields made are those of {@link #event(long)}, as
     * every value is drawn from the event number alone.
     */
    public NexmarkEvent event(long n, int personFields, int auctionFields, int bidFields) {
        switch (type(n)) {
            case NexmarkEvent.PERSON:
                return new NexmarkEvent(NexmarkEvent.PERSON, person(n, personFields), null, null, time(n));
            case NexmarkEvent.AUCTION:
                return new NexmarkEvent(NexmarkEvent.AUCTION, null, auction(n, auctionFields), null, time(n));
            default:
                return new NexmarkEvent(NexmarkEvent.BID, null, null, bid(n, bidFields), time(n));
        }
    }

    /** Event {@code n}'s kind: {@link NexmarkEvent#PERSON}, {@link NexmarkEvent#AUCTION} or {@link NexmarkEvent#BID}. */
    public int type(long n) {
        int offset = (int) (n % config.totalProportion());
        return offset < config.personProportion() ? NexmarkEvent.PERSON
                : offset < config.personProportion() + config.auctionProportion() ? NexmarkEvent.AUCTION : NexmarkEvent.BID;
    }

    /** Event {@code n}'s time in epoch milliseconds. */
    public long time(long n) {
        return BASE_TIME + (long) (n * microsPerEvent) / 1000;
    }

    /** Event {@code n} as a person, with the fields of mask {@code fields} made; {@code n} must be a person's. */
    public Person person(long n, int fields) {
        return person(n, personsBefore(n), time(n), fields);
    }

    /** Event {@code n} as an auction, with the fields of mask {@code fields} made; {@code n} must be an auction's. */
    public Auction auction(long n, int fields) {
        int total = config.totalProportion();
        return auction(n, auctionsBefore(n / total, (int) (n % total)), time(n), fields);
    }

    /** Event {@code n} as a bid, with the fields of mask {@code fields} made; {@code n} must be a bid's. */
    public Bid bid(long n, int fields) {
        int total = config.totalProportion();
        return bid(n, n / total, (int) (n % total), time(n), fields);
    }

    private long personsBefore(long n) {
        int total = config.totalProportion();
        return n / total * config.personProportion() + Math.min(n % total, config.personProportion());
    }

    private long auctionsBefore(long epoch, int offset) {
        int fromThisEpoch = Math.max(0, Math.min(offset - config.personProportion(), config.auctionProportion()));
        return epoch * config.auctionProportion() + fromThisEpoch;
    }

    private Person person(long n, long base0Id, long time, int fields) {
        String first = pick(FIRST_NAMES, draw(n, 1));
        String last = pick(LAST_NAMES, draw(n, 2));
        String name = has(fields, 1) ? first + " " + last : null;
        String email = has(fields, 2) ? first.toLowerCase() + "." + last.toLowerCase() + "@example.com" : null;
        String creditCard = null;
        if (has(fields, 3)) {
            long card = draw(n, 3);
            creditCard = digits(card, 0) + " " + digits(card, 1) + " " + digits(card, 2) + " " + digits(card, 3);
        }
        return new Person(FIRST_PERSON_ID + base0Id, name, email, creditCard, pick(CITIES, draw(n, 4)), pick(STATES, draw(n, 5)),
                time, has(fields, 7) ? extra(n) : null);
    }

    private Auction auction(long n, long base0Id, long time, int fields) {
        // The reserve is the initial bid plus a second price.
        long initialBid = has(fields, 3) || has(fields, 4) ? price(draw(n, 1)) : 0;
        long reserve = has(fields, 4) ? initialBid + price(draw(n, 6)) / 10 : 0;
        long persons = Math.max(1, personsBefore(n));
        long r = draw(n, 2);
        long seller = (r & 3) == 0 ? (persons - 1) / HOT_RATIO * HOT_RATIO
                : Math.max(0, persons - PERSONS_ACTIVE) + Long.remainderUnsigned(r >>> 2, Math.min(persons, PERSONS_ACTIVE));
        String itemName = has(fields, 1) ? pick(ITEMS, draw(n, 3)) + " " + Long.remainderUnsigned(draw(n, 4), 1000) : null;
        String description = has(fields, 2) ? "a " + pick(ITEMS, draw(n, 5)) + " in good condition" : null;
        return new Auction(FIRST_AUCTION_ID + base0Id, itemName, description, initialBid, reserve, time,
                time + 10_000 + Long.remainderUnsigned(draw(n, 7), 20_000), FIRST_PERSON_ID + seller,
                FIRST_CATEGORY_ID + Long.remainderUnsigned(draw(n, 8), CATEGORIES), has(fields, 9) ? extra(n) : null);
    }

    private Bid bid(long n, long epoch, int offset, long time, int fields) {
        // The channel and the url come from one draw: either read makes both.
        boolean channelOrUrl = has(fields, 3) || has(fields, 4);
        long c = channelOrUrl ? draw(n, 3) : 0;
        return new Bid(bidAuction(n, epoch, offset), bidBidder(n), has(fields, 2) ? bidPrice(n) : 0,
                channelOrUrl ? channel(c) : null, channelOrUrl ? url(c) : null, time, has(fields, 6) ? extra(n) : null);
    }

    // A bid's fields one by one, each from the event number alone: a source that reads some of them makes those only,
    // without a Bid around them. n must be a bid's event number.

    /** Field {@code auction} of bid {@code n}. */
    public long bidAuction(long n) {
        int total = config.totalProportion();
        return bidAuction(n, n / total, (int) (n % total));
    }

    private long bidAuction(long n, long epoch, int offset) {
        long auctions = Math.max(1, auctionsBefore(epoch, offset));
        long r = draw(n, 1);
        long auction = (r & 1) == 0 ? (auctions - 1) / HOT_RATIO * HOT_RATIO
                : Math.max(0, auctions - AUCTIONS_IN_FLIGHT) + Long.remainderUnsigned(r >>> 1, Math.min(auctions, AUCTIONS_IN_FLIGHT));
        return FIRST_AUCTION_ID + auction;
    }

    /** Field {@code bidder} of bid {@code n}. */
    public long bidBidder(long n) {
        long persons = Math.max(1, personsBefore(n));
        long b = draw(n, 2);
        long bidder = (b & 3) != 0 ? (persons - 1) / HOT_RATIO * HOT_RATIO
                : Math.max(0, persons - PERSONS_ACTIVE) + Long.remainderUnsigned(b >>> 2, Math.min(persons, PERSONS_ACTIVE));
        return FIRST_PERSON_ID + bidder;
    }

    /** Field {@code price} of bid {@code n}. */
    public static long bidPrice(long n) {
        return price(draw(n, 4));
    }

    /** Field {@code channel} of bid {@code n}. */
    public static String bidChannel(long n) {
        return channel(draw(n, 3));
    }

    /** Field {@code url} of bid {@code n}. */
    public static String bidUrl(long n) {
        return url(draw(n, 3));
    }

    /** One bid in five comes from a hot channel, the others name theirs in the url's channel_id; c is the bid's draw 3. */
    private static String channel(long c) {
        return Long.remainderUnsigned(c, 5) == 0 ? pick(HOT_CHANNELS, c >>> 32) : "channel-" + Long.remainderUnsigned(c >>> 32, 1000);
    }

    private static String url(long c) {
        String path = "https://www.nexmark.com/" + pick(URL_WORDS, c >>> 8) + "/" + pick(URL_WORDS, c >>> 16) + "/"
                + pick(URL_WORDS, c >>> 24) + "/item.htm?query=1";
        return Long.remainderUnsigned(c, 5) == 0 ? path : path + "&channel_id=" + Long.remainderUnsigned(c >>> 32, 1000);
    }

    private static boolean has(int fields, int field) {
        return (fields & (1 << field)) != 0;
    }

    /** Field {@code extra} of event {@code n}, of any kind: Nexmark's padding column, 8 to 23 lower-case letters. */
    public static String extra(long n) {
        long r = draw(n, 9);
        // Latin-1 bytes, the compact string's own form: no char[] to build and compress per event.
        byte[] letters = new byte[8 + (int) (r & 15)];
        long s = draw(n, 10);
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (byte) ('a' + (s >>> 33) % 26);
            s = s * 0x5DEECE66DL + 11;
        }
        return new String(letters, StandardCharsets.ISO_8859_1);
    }

    private static String digits(long r, int group) {
        return Long.toString(10_000 + Long.remainderUnsigned(r >>> (group * 14), 10_000)).substring(1);
    }

    /** Nexmark's price: {@code round(10^(6u) * 100)} for {@code u} uniform in [0, 1) from the top 53 bits of r. */
    private static long price(long r) {
        double u = (r >>> 11) * 0x1.0p-53;
        return Math.round(Math.pow(10.0, u * 6.0) * 100.0);
    }

    private static String pick(String[] values, long r) {
        return values[(int) Long.remainderUnsigned(r, values.length)];
    }

    /** The {@code choice}-th random draw of event {@code n}: SplitMix64's finaliser over both. */
    static long draw(long n, int choice) {
        long z = n * 0x9E3779B97F4A7C15L + choice * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
