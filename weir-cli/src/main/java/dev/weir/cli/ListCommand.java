package dev.weir.cli;

import dev.weir.web.rest.RestMessages.JobSummary;
import dev.weir.web.rest.RestMessages.MultipleJobsDetails;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weir list}: the jobs of a running Weir. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs of a running Weir: id, state, duration, name.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() {
        MultipleJobsDetails jobs = remote.client().get("/jobs/overview", MultipleJobsDetails.class);
        System.out.printf("%-32s  %-10s  %9s  %s%n", "JOB ID", "STATE", "DURATION", "NAME");
        for (JobSummary j : jobs.jobs()) {
            System.out.printf("%-32s  %-10s  %8ds  %s%n", j.jid(), j.state(), j.duration() / 1000, j.name());
        }
        if (jobs.jobs().isEmpty()) {
            System.out.println("(no jobs)");
        }
        return 0;
    }
}
