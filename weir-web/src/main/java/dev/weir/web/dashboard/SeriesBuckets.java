package dev.weir.web.dashboard;

/**
 * One series of a line chart in fixed memory: a ring of {@code buckets} time slots of {@code bucketMillis} event time
 * each. A point lands in the slot of its time; points that share a slot are averaged (the downsampling of a fast
 * stream), a slot older than the ring is reused for the newest time. Not thread-safe: its {@link LineChartPanel} locks.
 */
final class SeriesBuckets {
    private final long bucketMillis;
    private final long[] slot;
    private final double[] sum;
    private final int[] count;
    private final long[] latest;

    SeriesBuckets(int buckets, long bucketMillis) {
        this.bucketMillis = bucketMillis;
        this.slot = new long[buckets];
        this.sum = new double[buckets];
        this.count = new int[buckets];
        this.latest = new long[buckets];
        java.util.Arrays.fill(slot, Long.MIN_VALUE);
    }

    /** Adds a point; returns false when its slot was already passed by a newer one (the point is too old to show). */
    boolean add(long time, double value, LineChartPanel.Counts counts) {
        long s = Math.floorDiv(time, bucketMillis);
        int i = (int) Math.floorMod(s, (long) slot.length);
        if (slot[i] == s) {
            sum[i] += value;
            count[i]++;
            latest[i] = Math.max(latest[i], time);
            counts.downsampled++;
            return true;
        }
        if (slot[i] > s) {
            return false;
        }
        slot[i] = s;
        sum[i] = value;
        count[i] = 1;
        latest[i] = time;
        return true;
    }

    /**
     * The points with times in {@code [from, to]}, oldest first, as {@code [time, value]} pairs: a slot's time is its
     * latest point's, its value the mean of its points.
     */
    double[][] points(long from, long to) {
        int n = 0;
        for (int i = 0; i < slot.length; i++) {
            if (shows(i, from, to)) {
                n++;
            }
        }
        double[][] points = new double[n][];
        int k = 0;
        for (int i = 0; i < slot.length; i++) {
            if (shows(i, from, to)) {
                points[k++] = new double[] {latest[i], sum[i] / count[i]};
            }
        }
        java.util.Arrays.sort(points, (a, b) -> Double.compare(a[0], b[0]));
        return points;
    }

    private boolean shows(int i, long from, long to) {
        return slot[i] != Long.MIN_VALUE && latest[i] >= from && latest[i] <= to;
    }
}
