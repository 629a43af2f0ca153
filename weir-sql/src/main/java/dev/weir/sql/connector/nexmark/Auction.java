package dev.weir.sql.connector.nexmark;

/** A Nexmark auction of an item by {@code seller}; times in epoch milliseconds. */
public record Auction(long id, String itemName, String description, long initialBid, long reserve, long dateTime, long expires,
        long seller, long category, String extra) {
}
