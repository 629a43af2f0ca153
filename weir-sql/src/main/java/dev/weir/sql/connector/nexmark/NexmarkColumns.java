package dev.weir.sql.connector.nexmark;

import java.io.Serializable;
import java.util.List;

/**
 * Which values of a {@link NexmarkEvent} fill a table's physical columns, by name: {@code event_type} and the rows
 * {@code person}, {@code auction}, {@code bid} with any of Nexmark's fields in any order. Resolved once when the
 * table is planned; {@link #fill} then copies by index. Plain Java: the row type is the caller's
 * ({@link RowFactory}), so Weir and Flink build their own rows from the same columns.
 */
public final class NexmarkColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The top-level columns the source produces. */
    public static final List<String> TOP = List.of("event_type", "person", "auction", "bid");
    public static final List<String> PERSON = List.of("id", "name", "emailAddress", "creditCard", "city", "state", "dateTime",
            "extra");
    public static final List<String> AUCTION = List.of("id", "itemName", "description", "initialBid", "reserve", "dateTime",
            "expires", "seller", "category", "extra");
    public static final List<String> BID = List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra");

    /**
     * Builds the engine's rows; timestamps arrive as epoch milliseconds, for the factory to convert. Each row is made
     * empty and filled field by field, so no array of values is built and then copied into the row.
     */
    public interface RowFactory<R> {
        /** A new row of {@code arity} null fields. */
        R row(int arity);

        /** Sets field {@code field} of {@code row}, one this factory made and nothing else has seen yet. */
        void set(R row, int field, Object value);

        Object timestamp(long epochMillis);

        Object string(String value);
    }

    private final int[] top;
    private final int[][] nested;
    /** Per column, per declared field: whether the query reads it (unread ones stay null, their values unmade). */
    private final boolean[] topRead;
    private final boolean[][] fieldRead;
    /** Empty slots after the columns in each row {@link #fill} makes, for the table's computed columns. */
    private final int room;
    /** Which fields of each kind {@link #event} makes, as {@link NexmarkGenerator#event(long, int, int, int)} takes them. */
    private int personFields;
    private int auctionFields;
    private int bidFields;

    /**
     * @param columns the physical columns' names, in order
     * @param nestedFields for each column, the names of its ROW fields in order (empty for event_type)
     * @throws IllegalArgumentException naming a column or field the source does not produce
     */
    public NexmarkColumns(List<String> columns, List<List<String>> nestedFields) {
        this(columns, nestedFields, (column, field) -> true);
    }

    /** Whether a query reads field {@code field} of column {@code column} (null field: the column itself). */
    public interface Reads {
        boolean reads(int column, String field);
    }

    /**
     * Columns of which only what {@code reads} says is filled: other columns and fields are null, and the generator
     * does not make their values (projection push-down).
     */
    public NexmarkColumns(List<String> columns, List<List<String>> nestedFields, Reads reads) {
        this(columns, nestedFields, reads, 0);
    }

    /**
     * As {@link #NexmarkColumns(List, List, Reads)}, each row with {@code room} empty slots after the columns, where the
     * table's trailing computed columns are written in place instead of into a second row per event.
     */
    public NexmarkColumns(List<String> columns, List<List<String>> nestedFields, Reads reads, int room) {
        this.room = room;
        top = new int[columns.size()];
        nested = new int[columns.size()][];
        topRead = new boolean[columns.size()];
        fieldRead = new boolean[columns.size()][];
        for (int i = 0; i < top.length; i++) {
            top[i] = TOP.indexOf(columns.get(i));
            if (top[i] < 0) {
                throw new IllegalArgumentException("the nexmark source does not produce column '" + columns.get(i)
                        + "'; its columns are " + TOP + " (declare others as computed columns)");
            }
            List<String> known = top[i] == 1 ? PERSON : top[i] == 2 ? AUCTION : top[i] == 3 ? BID : List.of();
            List<String> declared = nestedFields.get(i);
            nested[i] = new int[declared.size()];
            for (int f = 0; f < declared.size(); f++) {
                nested[i][f] = known.indexOf(declared.get(f));
                if (nested[i][f] < 0) {
                    throw new IllegalArgumentException("the nexmark source does not produce field '" + declared.get(f)
                            + "' of column '" + columns.get(i) + "'; its fields are " + known);
                }
            }
            topRead[i] = reads.reads(i, null);
            fieldRead[i] = new boolean[declared.size()];
            for (int f = 0; f < declared.size(); f++) {
                fieldRead[i][f] = topRead[i] && reads.reads(i, declared.get(f));
                if (fieldRead[i][f]) {
                    int bit = 1 << nested[i][f];
                    switch (top[i]) {
                        case 1 -> personFields |= bit;
                        case 2 -> auctionFields |= bit;
                        case 3 -> bidFields |= bit;
                        default -> { }
                    }
                }
            }
        }
    }

    /** Event {@code n} of {@code generator} with the values these columns read made. */
    public NexmarkEvent event(NexmarkGenerator generator, long n) {
        return generator.event(n, personFields, auctionFields, bidFields);
    }

    /** The physical columns' row of {@code event}, nested rows too built by {@code rows}; unread values null. */
    public <R> R fill(NexmarkEvent event, RowFactory<R> rows) {
        return fill(event.type(), event.person(), event.auction(), event.bid(), null, 0, rows);
    }

    /**
     * The physical columns' row of event {@code n} of {@code generator}, as {@link #fill(NexmarkEvent, RowFactory)}
     * gives it for {@link #event}, without the event around the person, auction or bid.
     */
    public <R> R fill(NexmarkGenerator generator, long n, RowFactory<R> rows) {
        int type = generator.type(n);
        return switch (type) {
            case NexmarkEvent.PERSON -> fill(type, generator.person(n, personFields), null, null, null, 0, rows);
            case NexmarkEvent.AUCTION -> fill(type, null, generator.auction(n, auctionFields), null, null, 0, rows);
            // The bid's fields straight from the generator, without a Bid: most events are bids.
            default -> fill(type, null, null, null, generator, n, rows);
        };
    }

    /** The row of a person, an auction, a bid, or the bid that is event {@code n} of {@code bids}. */
    private <R> R fill(int type, Person person, Auction auction, Bid bid, NexmarkGenerator bids, long n,
            RowFactory<R> rows) {
        R values = rows.row(top.length + room);
        for (int i = 0; i < top.length; i++) {
            if (!topRead[i]) {
                continue;
            }
            switch (top[i]) {
                case 0 -> rows.set(values, i, type);
                case 1 -> rows.set(values, i, person == null ? null : person(person, nested[i], fieldRead[i], rows));
                case 2 -> rows.set(values, i, auction == null ? null : auction(auction, nested[i], fieldRead[i], rows));
                default -> rows.set(values, i, bid != null ? bid(bid, nested[i], fieldRead[i], rows)
                        : bids != null ? bid(bids, n, nested[i], fieldRead[i], rows) : null);
            }
        }
        return values;
    }

    private static <R> R person(Person p, int[] fields, boolean[] read, RowFactory<R> rows) {
        R v = rows.row(fields.length);
        for (int f = 0; f < fields.length; f++) {
            if (!read[f]) {
                continue;
            }
            rows.set(v, f, switch (fields[f]) {
                case 0 -> p.id();
                case 1 -> rows.string(p.name());
                case 2 -> rows.string(p.emailAddress());
                case 3 -> rows.string(p.creditCard());
                case 4 -> rows.string(p.city());
                case 5 -> rows.string(p.state());
                case 6 -> rows.timestamp(p.dateTime());
                default -> rows.string(p.extra());
            });
        }
        return v;
    }

    private static <R> R auction(Auction a, int[] fields, boolean[] read, RowFactory<R> rows) {
        R v = rows.row(fields.length);
        for (int f = 0; f < fields.length; f++) {
            if (!read[f]) {
                continue;
            }
            rows.set(v, f, switch (fields[f]) {
                case 0 -> a.id();
                case 1 -> rows.string(a.itemName());
                case 2 -> rows.string(a.description());
                case 3 -> a.initialBid();
                case 4 -> a.reserve();
                case 5 -> rows.timestamp(a.dateTime());
                case 6 -> rows.timestamp(a.expires());
                case 7 -> a.seller();
                case 8 -> a.category();
                default -> rows.string(a.extra());
            });
        }
        return v;
    }

    /** The bid fields of event {@code n}, each made by the generator alone: the values of {@link #bid(Bid, int[], boolean[], RowFactory)}. */
    private static <R> R bid(NexmarkGenerator g, long n, int[] fields, boolean[] read, RowFactory<R> rows) {
        R v = rows.row(fields.length);
        for (int f = 0; f < fields.length; f++) {
            if (!read[f]) {
                continue;
            }
            rows.set(v, f, switch (fields[f]) {
                case 0 -> g.bidAuction(n);
                case 1 -> g.bidBidder(n);
                case 2 -> NexmarkGenerator.bidPrice(n);
                case 3 -> rows.string(NexmarkGenerator.bidChannel(n));
                case 4 -> rows.string(NexmarkGenerator.bidUrl(n));
                case 5 -> rows.timestamp(g.time(n));
                default -> rows.string(NexmarkGenerator.extra(n));
            });
        }
        return v;
    }

    private static <R> R bid(Bid b, int[] fields, boolean[] read, RowFactory<R> rows) {
        R v = rows.row(fields.length);
        for (int f = 0; f < fields.length; f++) {
            if (!read[f]) {
                continue;
            }
            rows.set(v, f, switch (fields[f]) {
                case 0 -> b.auction();
                case 1 -> b.bidder();
                case 2 -> b.price();
                case 3 -> rows.string(b.channel());
                case 4 -> rows.string(b.url());
                case 5 -> rows.timestamp(b.dateTime());
                default -> rows.string(b.extra());
            });
        }
        return v;
    }
}
