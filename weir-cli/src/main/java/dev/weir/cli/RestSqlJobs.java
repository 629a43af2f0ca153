package dev.weir.cli;

import dev.weir.cli.sql.RemoteJobs;
import dev.weir.web.rest.RestMessages.JobDetails;
import dev.weir.web.rest.SqlMessages.SqlJobRequest;
import dev.weir.web.rest.SqlMessages.SqlJobResponse;
import java.util.List;
import java.util.Map;

/** The SQL client's INSERT jobs sent to a running Weir's REST API ({@code POST /sql/jobs}, {@code GET/PATCH /jobs/{id}}). */
final class RestSqlJobs implements RemoteJobs {
    private final RestClient rest;
    private final String address;

    RestSqlJobs(String address, String token) {
        this.rest = new RestClient(address, token);
        this.address = RestClient.checkedBase(address);
    }

    @Override
    public String submit(Map<String, String> configuration, List<String> statements) {
        return rest.post("/sql/jobs", new SqlJobRequest(configuration, statements), SqlJobResponse.class).jobId();
    }

    @Override
    public String status(String jobId) {
        return rest.get("/jobs/" + jobId, JobDetails.class).state();
    }

    @Override
    public void cancel(String jobId) {
        rest.patch("/jobs/" + jobId);
    }

    @Override
    public String address() {
        return address;
    }
}
