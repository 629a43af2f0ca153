package dev.weir.sql.connector.nexmark;

/**
 * One Nexmark event: exactly one of {@code person}, {@code auction}, {@code bid} is set, as {@code type} (Nexmark's
 * {@code event_type}: 0, 1, 2) says; {@code dateTime} is its event time in epoch milliseconds.
 */
public record NexmarkEvent(int type, Person person, Auction auction, Bid bid, long dateTime) {
    public static final int PERSON = 0;
    public static final int AUCTION = 1;
    public static final int BID = 2;
}
