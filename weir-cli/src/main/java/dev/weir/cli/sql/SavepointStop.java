package dev.weir.cli.sql;

import dev.weir.core.execution.JobClient;
import java.util.Map;

/**
 * {@code STOP JOB '<id>' WITH SAVEPOINT [WITH DRAIN]} for a job this session started on the local Weir, as Flink's SQL
 * client does it: the savepoint goes into the directory the session SET ({@code execution.checkpointing.savepoint-dir},
 * or Flink 1.x's {@code state.savepoints.dir}), the job stops, and the savepoint's path is what a later
 * {@code SET 'execution.savepoint.path'} restores from.
 */
final class SavepointStop {
    static final String DIRECTORY = "execution.checkpointing.savepoint-dir";
    static final String DEPRECATED_DIRECTORY = "state.savepoints.dir";

    private SavepointStop() {
    }

    /** Stops {@code job} with a savepoint, after the final watermark if {@code drain}; the savepoint's path. */
    static String stop(JobClient job, String id, Map<String, String> session, boolean drain) throws Exception {
        return job.stopWithSavepoint(drain, directory(session, id)).get();
    }

    /** The session's savepoint directory; Flink 2.x's key wins over the deprecated one, as in Flink. */
    static String directory(Map<String, String> session, String id) {
        String directory = session.getOrDefault(DIRECTORY, session.get(DEPRECATED_DIRECTORY));
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("STOP JOB '" + id + "' WITH SAVEPOINT needs a savepoint directory and the session "
                    + "names none; SET '" + DIRECTORY + "' = '<directory>' (or Flink 1.x's '" + DEPRECATED_DIRECTORY
                    + "') first, then stop the job again");
        }
        return directory;
    }
}
