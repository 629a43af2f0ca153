package dev.weir.examples.anomaly;

/** Count, sum and sum of squares of readings: enough for a mean and a standard deviation, and mergeable. */
public final class Moments {
    public long count;
    public double sum;
    public double sumOfSquares;

    public double mean() {
        return sum / count;
    }

    /** The population standard deviation. */
    public double sigma() {
        double mean = mean();
        return Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
    }
}
