package dev.weir.streaming.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a two-phase-commit sink prepares at the end of the input is committed only once a checkpoint taken after
 * every task finished holds it: a process killed during those commits restores that checkpoint and commits the same
 * committables again (idempotently), instead of producing the output anew from an earlier one.
 */
@Timeout(60)
class FinalCheckpointTest {
    /** What the committer saw: per committable, "committable @ completed checkpoints on disk". */
    static final List<String> COMMITS = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void theFinalCommittablesAreCommittedAfterACheckpointOfTheFinishedTasksCompleted() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        // No periodic checkpoint comes in the job's lifetime: only the final one can be on disk.
        env.enableCheckpointing(3_600_000);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.fromData("a", "b", "c").sinkTo(new RecordingTwoPhaseSink(checkpoints.toString()));
        env.execute("final-checkpoint");

        assertThat(COMMITS).containsExactly("a,b,c @ 1 completed checkpoint(s)");
    }

    /** Prepares everything it received as one committable ("a,b,c"); its committer records what it commits. */
    static final class RecordingTwoPhaseSink implements Sink<String>, SupportsCommitter<String> {
        private final String checkpoints;

        RecordingTwoPhaseSink(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public CommittingSinkWriter<String, String> createWriter(WriterInitContext context) {
            return new CommittingSinkWriter<>() {
                private final List<String> received = new ArrayList<>();

                @Override
                public void write(String element, Context ctx) {
                    received.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public Collection<String> prepareCommit() {
                    List<String> prepared = received.isEmpty() ? List.of() : List.of(String.join(",", received));
                    received.clear();
                    return prepared;
                }
            };
        }

        @Override
        public Committer<String> createCommitter() {
            return committables -> {
                for (String c : committables) {
                    synchronized (COMMITS) {
                        COMMITS.add(c + " @ " + completedCheckpoints(Path.of(checkpoints)) + " completed checkpoint(s)");
                    }
                }
            };
        }
    }

    private static long completedCheckpoints(Path checkpoints) {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        while (true) {
            try (Stream<Path> all = Files.walk(checkpoints)) {
                return all.filter(p -> p.getFileName().toString().equals("_metadata")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UncheckedIOException e) {
                // Retention deleted a checkpoint folder while we walked: count again.
            }
        }
    }
}
