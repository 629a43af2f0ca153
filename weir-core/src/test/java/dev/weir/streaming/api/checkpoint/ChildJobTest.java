package dev.weir.streaming.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which checkpoint folder a kill test restores its next run from: always the killed run's own, never another run's
 * chosen by checkpoint id (a job that ended before the kill had deleted its folder, and the newest left was an earlier
 * run's, restored a second time).
 */
class ChildJobTest {
    @TempDir
    Path checkpoints;

    @Test
    void theKilledRunsOwnFolderIsRestoredEvenWhenAnotherRunsFolderHoldsAHigherCheckpointId() throws IOException {
        completed(checkpoints.resolve("job-other"), 9);
        Path killed = completed(checkpoints.resolve("job-killed"), 5);

        assertThat(ChildJob.killedRunsFolder(killed)).isEqualTo(killed);
    }

    @Test
    void aKilledRunsFolderWhoseJobEndedAndDeletedItsCheckpointsIsRefusedNamingItInsteadOfRestoringAnEarlierRunsFolder() throws IOException {
        completed(checkpoints.resolve("job-earlier"), 4);
        Path killed = Files.createDirectories(checkpoints.resolve("job-killed").resolve("chk-8"));

        assertThatThrownBy(() -> ChildJob.killedRunsFolder(killed.getParent()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the killed run's checkpoint folder " + killed.getParent() + " holds a completed checkpoint")
                .hasMessageContaining("the job ended and deleted its checkpoints before the kill")
                .hasMessageContaining("hold the child's job open until the kill");
    }

    @Test
    void aFolderThatIsGoneIsRefusedToo() {
        Path gone = checkpoints.resolve("job-gone");

        assertThatThrownBy(() -> ChildJob.killedRunsFolder(gone))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the killed run's checkpoint folder " + gone + " holds a completed checkpoint");
    }

    private static Path completed(Path jobFolder, long id) throws IOException {
        Files.write(Files.createDirectories(jobFolder.resolve("chk-" + id)).resolve("_metadata"), new byte[] {1});
        return jobFolder;
    }
}
