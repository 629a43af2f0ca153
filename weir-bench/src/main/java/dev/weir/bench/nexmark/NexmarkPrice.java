package dev.weir.bench.nexmark;

/**
 * Nexmark's price, {@code Math.round(Math.pow(10.0, u * 6.0) * 100.0)} cents for {@code u} uniform in [0, 1) from the
 * top 53 bits of a draw, computed without {@code Math.pow}: it was half the shared generator's cost (17.7 of about 35 ns
 * per event), and both engines pay it for every bid.
 *
 * <p>Exactly the same prices: with {@code t = u * 6.0} cut into 2^-14 steps, {@code 10^t} is the product of two table
 * entries, {@code 100 * 10^(i/128)} and {@code 10^(j/16384)} (both from {@code Math.pow}), and a cubic Taylor
 * polynomial of {@code 10^d} for the rest {@code d < 2^-14}, whose truncation error is below 1e-16. The product differs
 * from {@code Math.pow}'s by a few ulps, under 1e-6 cents below 1e8 cents (the largest price); only where it lies within
 * {@link #GUARD} of a half cent, where the two could round apart, is {@code Math.pow} asked (about one price in
 * 50,000).
 *
 * <p>Why integers where doubles would read simpler: the step {@code i} and the rest {@code d} come from {@code t}'s
 * value as an integer count of 2^-53 (the product {@code 6m} rounded to 53 bits as the double multiplication rounds
 * it), and the rounding to whole cents from the bits of {@code cents + 1.5 * 2^52}, so the one chain of dependent
 * operations per price has one conversion between long and double instead of five; the polynomial is evaluated in
 * two halves that overlap. In a plain loop (thread CPU time, 1 M draws, four rounds) that took a price from 28.5-30.9
 * to 13.9-14.6 ns.
 */
final class NexmarkPrice {
    private static final int FINE_BITS = 7;
    private static final int STEPS = 128 << FINE_BITS;
    private static final double STEP = 1.0 / STEPS;
    private static final double LN_10 = Math.log(10.0);
    private static final double GUARD = 1e-5;
    /** Bits of {@code t} (in units of 2^-53) below one step of 2^-14. */
    private static final int REST_BITS = 53 - 14;
    private static final long REST_MASK = (1L << REST_BITS) - 1;
    private static final double ROUNDING_SHIFT = 0x1.8p52;
    private static final long ROUNDING_SHIFT_BITS = Double.doubleToRawLongBits(ROUNDING_SHIFT);
    /** {@code 100 * 10^(i/128)}: the cents' factor 100 taken into the table, one multiplication less per price. */
    private static final double[] COARSE_CENTS = times100(powersOfTen(6 * 128 + 1, 1.0 / 128));
    private static final double[] FINE = powersOfTen(1 << FINE_BITS, STEP);

    private NexmarkPrice() {
    }

    /** The price for draw {@code r}, equal to {@link #exact}'s for every {@code r}. */
    static long of(long r) {
        long t = timesSixAsTheDoubleRounds(r >>> 11);
        // t is u * 6.0 in units of 2^-53: its step i = t * STEPS, and the rest d = t - i * STEP exactly.
        int i = (int) (t >>> REST_BITS);
        double y = (t & REST_MASK) * 0x1.0p-53 * LN_10;
        double powerOfD = (1.0 + y) + (y * y) * (1.0 / 2 + y * (1.0 / 6));
        double cents = COARSE_CENTS[i >>> FINE_BITS] * FINE[i & ((1 << FINE_BITS) - 1)] * powerOfD;
        // Adding 1.5 * 2^52 rounds cents (below 2^51) to the nearest whole number, held in the sum's low bits.
        double shifted = cents + ROUNDING_SHIFT;
        if (Math.abs(cents - (shifted - ROUNDING_SHIFT)) > 0.5 - GUARD) {
            return exact(r);
        }
        return Double.doubleToRawLongBits(shifted) - ROUNDING_SHIFT_BITS;
    }

    /**
     * {@code 6 * m} for {@code m < 2^53}, rounded to 53 significant bits (to nearest, ties to even) as the double
     * product {@code (m * 2^-53) * 6.0} is: its value in units of 2^-53.
     */
    static long timesSixAsTheDoubleRounds(long m) {
        long w = m * 6;
        long dropped = (1L << Math.max(0, Long.SIZE - 53 - Long.numberOfLeadingZeros(w))) - 1;
        long lowestKept = (w & (dropped + 1)) != 0 ? 1 : 0;
        return (w + ((((dropped + 1) >>> 1) - 1 + lowestKept) & dropped)) & ~dropped;
    }

    /** Nexmark's price as its definition computes it. */
    static long exact(long r) {
        return Math.round(Math.pow(10.0, uniform(r) * 6.0) * 100.0);
    }

    private static double uniform(long r) {
        return (r >>> 11) * 0x1.0p-53;
    }

    private static double[] times100(double[] values) {
        for (int k = 0; k < values.length; k++) {
            values[k] *= 100.0;
        }
        return values;
    }

    private static double[] powersOfTen(int count, double step) {
        double[] powers = new double[count];
        for (int k = 0; k < count; k++) {
            powers[k] = Math.pow(10.0, k * step);
        }
        return powers;
    }
}
