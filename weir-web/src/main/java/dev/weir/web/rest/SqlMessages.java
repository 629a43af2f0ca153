package dev.weir.web.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The messages of {@code POST /sql/jobs}, with which {@code weir sql --address} starts INSERT jobs on a running Weir. */
public final class SqlMessages {
    private SqlMessages() {
    }

    /** The session's options and statements; the last statement is the INSERT (or EXECUTE STATEMENT SET) to run. */
    public record SqlJobRequest(@JsonProperty("configuration") Map<String, String> configuration,
                                @JsonProperty("statements") List<String> statements) {
    }

    /** The id of the job the request started. */
    public record SqlJobResponse(@JsonProperty("jobid") String jobId) {
    }
}
