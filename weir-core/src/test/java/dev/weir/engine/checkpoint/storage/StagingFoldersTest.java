package dev.weir.engine.checkpoint.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The staging folders of object-store checkpoints: one per process, and those of killed processes deleted. */
@Timeout(60)
class StagingFoldersTest {
    @TempDir
    Path root;

    private Path folderWithAFile(String name) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name).resolve("job-1234/chk-3"));
        Files.writeString(folder.resolve("op0-0.state"), "staged");
        return root.resolve(name);
    }

    private static ProcessHandle endedProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle handle = process.toHandle();
        String name = StagingFolders.folderName(handle);
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).as("java -version ended").isTrue();
        assertThat(name).doesNotEndWith("-0");
        return handle;
    }

    @Test
    void theFolderOfAProcessThatIsGoneIsDeletedAndThoseOfRunningProcessesAndOtherNamesStay() throws Exception {
        ProcessHandle ended = endedProcess();
        String endedName = ended.pid() + "-" + ended.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L);
        folderWithAFile(endedName);
        String own = StagingFolders.folderName(ProcessHandle.current());
        folderWithAFile(own);
        // The same pid started at another time: the pid was reused, the folder's process is gone.
        folderWithAFile(ProcessHandle.current().pid() + "-12345");
        folderWithAFile("not-a-process-folder");

        int deleted = StagingFolders.deleteLeftovers(root);

        try (Stream<Path> left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(own, "not-a-process-folder");
        }
        assertThat(deleted).isEqualTo(2);
    }

    @Test
    void thisProcessStagesUnderAFolderNamedForItsPidAndStartTime() {
        assertThat(StagingFolders.own()).isEqualTo(StagingFolders.ROOT.resolve(StagingFolders.folderName(ProcessHandle.current())));
        assertThat(StagingFolders.own()).isDirectory();
    }
}
