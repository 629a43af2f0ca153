package dev.weir.sql.connector.nexmark;

/** A Nexmark bid of {@code bidder} on {@code auction} at {@code price}; {@code dateTime} in epoch milliseconds. */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra) {
}
