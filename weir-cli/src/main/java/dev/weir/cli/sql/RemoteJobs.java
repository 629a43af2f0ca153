package dev.weir.cli.sql;

import java.util.List;
import java.util.Map;

/** A running Weir the SQL client submits its INSERT jobs to ({@code weir sql --address}), instead of this process. */
public interface RemoteJobs {
    /** Starts the last of {@code statements} (the session's DDL before it) with {@code configuration}; its job id. */
    String submit(Map<String, String> configuration, List<String> statements);

    /** The job's status as the remote Weir reports it ({@code RUNNING}, {@code FINISHED}, ...). */
    String status(String jobId);

    /** Cancels the job. */
    void cancel(String jobId);

    /** Where the remote Weir is, for messages: {@code http://host:port}. */
    String address();
}
