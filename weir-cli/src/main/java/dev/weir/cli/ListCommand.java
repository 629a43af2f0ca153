package dev.weir.cli;

import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weir list}: the jobs of a running Weir. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs of a running Weir: id, state, duration, name.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() {
        String body = remote.client().get("/jobs/overview");
        Matcher m = Pattern.compile("\"jid\":\"(\\w+)\",\"name\":\"((?:[^\"\\\\]|\\\\.)*)\",\"state\":\"(\\w+)\",\"start-time\":\\d+,\"end-time\":-?\\d+,\"duration\":(\\d+)")
                .matcher(body);
        System.out.printf("%-32s  %-10s  %9s  %s%n", "JOB ID", "STATE", "DURATION", "NAME");
        int n = 0;
        while (m.find()) {
            System.out.printf("%-32s  %-10s  %8ds  %s%n", m.group(1), m.group(3), Long.parseLong(m.group(4)) / 1000, m.group(2));
            n++;
        }
        if (n == 0) {
            System.out.println("(no jobs)");
        }
        return 0;
    }
}
