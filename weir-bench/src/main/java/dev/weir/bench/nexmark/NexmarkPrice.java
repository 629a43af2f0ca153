package dev.weir.bench.nexmark;

/**
 * Nexmark's price, {@code Math.round(Math.pow(10.0, u * 6.0) * 100.0)} cents for {@code u} uniform in [0, 1) from the
 * top 53 bits of a draw, computed without {@code Math.pow}: it was half the shared generator's cost (17.7 of about 35 ns
 * per event), and both engines pay it for every bid.
 *
 * <p>Exactly the same prices: with {@code t = u * 6.0} cut into 2^-14 steps, {@code 10^t} is the product of two table
 * entries, {@code 10^(i/128)} and {@code 10^(j/16384)} (both from {@code Math.pow}), and a cubic Taylor polynomial of
 * {@code 10^d} for the rest {@code d < 2^-14}, whose truncation error is below 1e-16. The product differs from
 * {@code Math.pow}'s by a few ulps, under 1e-6 cents below 1e8 cents (the largest price); only where it lies within
 * {@link #GUARD} of a half cent, where the two could round apart, is {@code Math.pow} asked (about one price in
 * 50,000).
 */
final class NexmarkPrice {
    private static final int FINE_BITS = 7;
    private static final int STEPS = 128 << FINE_BITS;
    private static final double STEP = 1.0 / STEPS;
    private static final double LN_10 = Math.log(10.0);
    private static final double GUARD = 1e-5;
    private static final double[] COARSE = powersOfTen(6 * 128 + 1, 1.0 / 128);
    private static final double[] FINE = powersOfTen(1 << FINE_BITS, STEP);

    private NexmarkPrice() {
    }

    /** The price for draw {@code r}, equal to {@link #exact}'s for every {@code r}. */
    static long of(long r) {
        double t = uniform(r) * 6.0;
        // t * STEPS and t - i * STEP are exact in binary floating point (a power-of-two scale, and Sterbenz's lemma).
        int i = (int) (t * STEPS);
        double y = (t - i * STEP) * LN_10;
        double powerOfD = 1.0 + y * (1.0 + y * (1.0 / 2 + y * (1.0 / 6)));
        double cents = COARSE[i >>> FINE_BITS] * FINE[i & ((1 << FINE_BITS) - 1)] * (powerOfD * 100.0);
        long whole = (long) cents;
        double fraction = cents - whole;
        if (Math.abs(fraction - 0.5) < GUARD) {
            return exact(r);
        }
        return fraction < 0.5 ? whole : whole + 1;
    }

    /** Nexmark's price as its definition computes it. */
    static long exact(long r) {
        return Math.round(Math.pow(10.0, uniform(r) * 6.0) * 100.0);
    }

    private static double uniform(long r) {
        return (r >>> 11) * 0x1.0p-53;
    }

    private static double[] powersOfTen(int count, double step) {
        double[] powers = new double[count];
        for (int k = 0; k < count; k++) {
            powers[k] = Math.pow(10.0, k * step);
        }
        return powers;
    }
}
