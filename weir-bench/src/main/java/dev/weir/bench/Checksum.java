package dev.weir.bench;

import dev.weir.bench.nexmark.AuctionCount;
import dev.weir.bench.nexmark.Bid;
import java.util.Iterator;

/**
 * An order-independent digest of a job's output, so the smoke test can demand exact equality between engines: the
 * record count, the sums of the records' numeric fields, and a sum of mixed per-record fingerprints.
 */
public record Checksum(long records, long sumA, long sumB, long mixed) {

    /** Digests every record the iterator yields; records are {@link Event}, {@link KeyedSum},
     * {@link AuctionCount}, {@link Bid}, {@link KeyedStats} or {@link Long}. */
    public static Checksum of(Iterator<?> output) {
        long records = 0;
        long sumA = 0;
        long sumB = 0;
        long mixed = 0;
        while (output.hasNext()) {
            Object record = output.next();
            long a;
            long b;
            long c;
            if (record instanceof Event e) {
                a = e.key;
                b = e.value;
                c = e.timestamp;
            } else if (record instanceof KeyedSum s) {
                a = s.sum;
                b = s.count;
                c = s.key;
            } else if (record instanceof AuctionCount n) {
                a = n.count;
                b = n.windowEnd;
                c = n.auction;
            } else if (record instanceof Bid bid) {
                a = bid.price;
                b = bid.dateTime;
                c = bid.auction * 1_000_003 + bid.bidder;
            } else if (record instanceof KeyedStats k) {
                a = k.sum;
                b = k.count * 1_000_003 + k.max;
                c = k.key * 1_000_003 + k.windowStart;
            } else if (record instanceof Long l) {
                a = l;
                b = 0;
                c = 0;
            } else {
                throw new IllegalArgumentException("Checksum: cannot digest a " + record.getClass().getName()
                        + "; the bench's jobs emit Event, KeyedSum, AuctionCount, Bid, KeyedStats or Long");
            }
            records++;
            sumA += a;
            sumB += b;
            mixed += EventShape.splitmix64(a * 31 + b * 17 + c);
        }
        return new Checksum(records, sumA, sumB, mixed);
    }
}
