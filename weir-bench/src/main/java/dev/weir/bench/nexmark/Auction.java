package dev.weir.bench.nexmark;

/** A Nexmark auction: an item a seller offers until {@code expires} (Nexmark's {@code Auction}), a POJO. */
public class Auction {
    public long id;
    public String itemName;
    public String description;
    public long initialBid;
    public long reserve;
    public long dateTime;
    public long expires;
    public long seller;
    public long category;

    /** For Flink's POJO rules. */
    public Auction() {
    }

    public Auction(long id, String itemName, String description, long initialBid, long reserve, long dateTime,
                   long expires, long seller, long category) {
        this.id = id;
        this.itemName = itemName;
        this.description = description;
        this.initialBid = initialBid;
        this.reserve = reserve;
        this.dateTime = dateTime;
        this.expires = expires;
        this.seller = seller;
        this.category = category;
    }
}
