package dev.weir.bench.kafka;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The loop of one engine's worker JVM in the Kafka throughput bench, driven by {@code KafkaThroughput} over
 * stdin/stdout: {@code run <AT_LEAST_ONCE|EXACTLY_ONCE> <bootstrap> <input topic> <output topic> <transactional id
 * prefix> <checkpoint directory>} answers {@code ok <nanos> <cpu nanos>}, from the job's first parsed record to the
 * job's end (its last commit included), in wall time and in this JVM's CPU time (all its threads); a failure answers {@code error <message>}; end of stdin exits. The engines' chatter
 * goes to stderr.
 */
public final class JobWorker {
    /** One engine's Kafka → parse → filter → map → Kafka job, run to its end. */
    public interface Job {
        void run(boolean exactlyOnce, String bootstrap, String input, String output, String prefix, Path checkpoints) throws Exception;
    }

    private JobWorker() {
    }

    public static void serve(Job job) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] c = line.trim().split("\\s+");
            try {
                if (!c[0].equals("run") || c.length != 7) {
                    throw new IllegalArgumentException("unknown command '" + line + "'");
                }
                Readings.FIRST_PARSED.set(0);
                job.run(c[1].equals("EXACTLY_ONCE"), c[2], c[3], c[4], c[5], Path.of(c[6]));
                long end = System.nanoTime();
                long cpu = Readings.processCpuNanos();
                protocol.println("ok " + (end - Readings.FIRST_PARSED.get()) + " " + (cpu - Readings.FIRST_PARSED_CPU.get()));
            } catch (Throwable e) {
                e.printStackTrace();
                protocol.println("error " + String.valueOf(e).replace('\n', ' '));
            }
        }
    }
}
