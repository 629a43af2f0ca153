package dev.weir.sql.connector.nexmark;

/** A Nexmark person (a bidder or seller); {@code dateTime} in epoch milliseconds. */
public record Person(long id, String name, String emailAddress, String creditCard, String city, String state, long dateTime,
        String extra) {
}
