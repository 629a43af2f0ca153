package dev.weir.cli;

import java.util.List;

/** A "job" that only records the arguments its main was given. */
public final class ArgsRecordingJob {
    static volatile List<String> received;

    private ArgsRecordingJob() {
    }

    public static void main(String[] args) {
        received = List.of(args);
    }
}
