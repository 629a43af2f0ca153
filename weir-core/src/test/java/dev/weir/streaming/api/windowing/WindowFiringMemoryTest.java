package dev.weir.streaming.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.checkpoint.ChildJob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No unbounded buffer on the record path: a window that fires for two million keys at one watermark, into a sink far
 * slower than it, completes with the exact output in a JVM of 256 MB of heap ({@link ChildJob}'s {@code -Xmx256m}).
 * The window's output waits in the channel's bounded overflow, never in a list that grows with the keys. Each result
 * is padded to about 144 bytes on its way into the channel, so one firing's whole output (about 290 MB) cannot fit:
 * with the channel's overflow unbounded and the window's firing not resumable, this test fails with an
 * {@link OutOfMemoryError}; with 8-byte results it did not (2 M results fit beside the window's state).
 */
@Timeout(180)
class WindowFiringMemoryTest {
    private static final int KEYS = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void aWindowFiringForTwoMillionKeysAtOnceIntoASlowSinkCompletesExactlyInA256MegabyteHeap() throws Exception {
        ChildJob child = ChildJob.start(WindowFiringForEveryKeyMain.class, dir.resolve("child.log"), List.of(String.valueOf(KEYS)));
        int exit = child.awaitExit(170);
        String log = child.log();
        assertThat(exit).as("exit code; the child's log:%n%s", log).isZero();
        assertThat(log).as("records, missing keys, duplicates, wrong sums").contains("RESULT " + KEYS + " 0 0 0\nFINISHED");
    }
}
