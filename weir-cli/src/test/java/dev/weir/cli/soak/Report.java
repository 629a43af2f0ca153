package dev.weir.cli.soak;

import java.util.List;
import java.util.Locale;

/**
 * What a soak run's samples say: after a warm-up (a sixth of the run, at most five minutes), the highest resident memory
 * and old generation of the first and second halves of the rest, and the checkpoints counted at the last sample.
 */
record Report(int minutes, long rate, long events, long seconds, long outputLines, long warmUpSeconds, long rssEarlyMax, long rssLateMax, long oldEarlyMax,
              long oldLateMax, long completedCheckpoints, long failedCheckpoints, long peakRss) {
    private static final double MB = 1024 * 1024;

    static Report of(List<AnomalyDemoSoak.Sample> samples, int minutes, long rate, long events, long seconds, long outputLines) {
        long end = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).seconds();
        long warmUp = Math.min(300, end / 6);
        long middle = warmUp + (end - warmUp) / 2;
        long rssEarly = 0;
        long rssLate = 0;
        long oldEarly = 0;
        long oldLate = 0;
        long peak = 0;
        for (AnomalyDemoSoak.Sample s : samples) {
            peak = Math.max(peak, s.rssBytes());
            if (s.seconds() < warmUp) {
                continue;
            }
            boolean early = s.seconds() < middle;
            if (early) {
                rssEarly = Math.max(rssEarly, s.rssBytes());
                oldEarly = Math.max(oldEarly, s.oldGenBytes());
            } else {
                rssLate = Math.max(rssLate, s.rssBytes());
                oldLate = Math.max(oldLate, s.oldGenBytes());
            }
        }
        AnomalyDemoSoak.Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        return new Report(minutes, rate, events, seconds, outputLines, warmUp, rssEarly, rssLate, oldEarly, oldLate, last == null ? 0 : last.completed(),
                last == null ? 0 : last.failed(), peak);
    }

    String markdown() {
        return String.format(Locale.ROOT, """
                | soak: anomaly demo, %d min at %,d readings/s, checkpoint every 1 s, default heap (bin/weir) | |
                | --- | --- |
                | readings, and how long they took (the rate reached) | %,d in %,d s (%,d readings/s) |
                | resident memory, highest, first / second half after %d s warm-up | %.0f MB / %.0f MB |
                | old generation after a full GC, highest, first / second half | %.1f MB / %.1f MB |
                | resident memory, peak | %.0f MB |
                | checkpoints completed / failed | %d / %d |
                | alerts and late readings, identical to the run without checkpoints | %,d lines |
                """, minutes, rate, events, seconds, seconds == 0 ? 0 : events / seconds, warmUpSeconds, rssEarlyMax / MB, rssLateMax / MB, oldEarlyMax / MB, oldLateMax / MB, peakRss / MB,
                completedCheckpoints, failedCheckpoints, outputLines);
    }
}
