package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.EventShape;
import org.junit.jupiter.api.Test;

class NexmarkPriceTest {

    @Test
    void pricesEqualNexmarksRoundedPowerOfTenForTenMillionDraws() {
        long mismatches = 0;
        for (long i = 0; i < 10_000_000; i++) {
            long r = EventShape.splitmix64(i);
            if (NexmarkPrice.of(r) != NexmarkPrice.exact(r)) {
                mismatches++;
            }
        }

        assertThat(mismatches).isZero();
    }

    @Test
    void drawsNextToAHalfCentRoundAsMathPowRoundsThem() {
        long tried = 0;
        long mismatches = 0;
        long withinAMillionthOfAHalfCent = 0;
        for (long cents = 100; cents < 100_000_000; cents = cents < 20_000 ? cents + 1 : cents + cents / 5_000) {
            // The draws whose prices lie closest to cents + 0.5, and to points just outside the fast path's guard.
            for (double offset : new double[] {-5e-5, -2e-5, 0, 2e-5, 5e-5}) {
                long nearest = (long) (Math.log10((cents + 0.5 + offset) / 100.0) / 6.0 * 0x1.0p53);
                for (long k = nearest - 1; k <= nearest + 1; k++) {
                    long r = k << 11 | (k & 0x7ff);
                    mismatches += NexmarkPrice.of(r) == NexmarkPrice.exact(r) ? 0 : 1;
                    double exactCents = Math.pow(10.0, (r >>> 11) * 0x1.0p-53 * 6.0) * 100.0;
                    withinAMillionthOfAHalfCent += Math.abs(exactCents - Math.floor(exactCents) - 0.5) < 1e-6 ? 1 : 0;
                    tried++;
                }
            }
        }

        assertThat(mismatches).isZero();
        assertThat(tried).isGreaterThan(500_000);
        assertThat(withinAMillionthOfAHalfCent).as("draws that take the exact fallback").isGreaterThan(tried / 10);
    }

    @Test
    void sixTimesADrawRoundsAsTheDoubleProductDoesAtEveryBinadeAndTie() {
        long mismatches = 0;
        long tried = 0;
        // Around every power of two 6m can reach (where 0 to 3 low bits are dropped) and around ties of each width.
        for (int bit = 0; bit <= 56; bit++) {
            long center = (1L << bit) / 6;
            for (long m = Math.max(0, center - 40); m <= center + 40 && m < 1L << 53; m++) {
                mismatches += sixTimesAsDouble(m) == NexmarkPrice.timesSixAsTheDoubleRounds(m) ? 0 : 1;
                tried++;
            }
        }
        for (long i = 0; i < 2_000_000; i++) {
            long m = EventShape.splitmix64(i) >>> 11;
            mismatches += sixTimesAsDouble(m) == NexmarkPrice.timesSixAsTheDoubleRounds(m) ? 0 : 1;
            tried++;
        }

        assertThat(mismatches).isZero();
        assertThat(tried).isGreaterThan(2_003_000);
    }

    private static long sixTimesAsDouble(long m) {
        return (long) (m * 0x1.0p-53 * 6.0 * 0x1.0p53);
    }

    @Test
    void theFirstTwoMillionEventsAreTheSameAsWhenPricesCameFromMathPowAndEmailsWereConcatenated() {
        // The digest of every field of events 0 to 1,999,999 as the generator produced them before it got cheaper
        // (branch h4): the events both engines see did not change.
        long digest = 0;
        for (long i = 0; i < 2_000_000; i++) {
            digest = digest * 0x9E3779B97F4A7C15L + fields(NexmarkShape.eventAt(i));
        }

        assertThat(Long.toHexString(digest)).isEqualTo("481c3043f70954a5");
    }

    static long fields(NexmarkEvent event) {
        long x = event.dateTime;
        if (event.person != null) {
            Person p = event.person;
            x = x * 31 + p.id;
            x = x * 31 + p.name.hashCode();
            x = x * 31 + p.emailAddress.hashCode();
            x = x * 31 + p.creditCard.hashCode();
            x = x * 31 + p.city.hashCode();
            x = x * 31 + p.state.hashCode();
            x = x * 31 + p.dateTime;
        }
        if (event.auction != null) {
            Auction a = event.auction;
            x = x * 31 + a.id;
            x = x * 31 + a.itemName.hashCode();
            x = x * 31 + a.description.hashCode();
            x = x * 31 + a.initialBid;
            x = x * 31 + a.reserve;
            x = x * 31 + a.dateTime;
            x = x * 31 + a.expires;
            x = x * 31 + a.seller;
            x = x * 31 + a.category;
        }
        if (event.bid != null) {
            Bid b = event.bid;
            x = x * 31 + b.auction;
            x = x * 31 + b.bidder;
            x = x * 31 + b.price;
            x = x * 31 + b.dateTime;
        }
        return x;
    }
}
