package dev.weir.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.api.common.InvalidProgramException;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.CloseableIterator;
import dev.weir.api.common.JobStatus;
import dev.weir.core.execution.JobClient;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The JVM side of a Python program's {@code execute()}: reads the plan the Python driver wrote, builds the Weir job,
 * runs it, and reports to the driver over a control connection: {@code ["started", job id]} once the job runs,
 * {@code ["record", value]} for each collected value, then {@code ["finished"]}, {@code ["canceled"]},
 * {@code ["invalid", message]} (the job was refused before it started) or {@code ["failed", message]}. While the job
 * runs the driver may send PyFlink's {@code JobClient} calls: {@code ["cancel"]} and {@code ["savepoint", directory,
 * stop, drain]}, answered by {@code ["savepoint", path]} or {@code ["savepoint_failed", message]} before the job's end
 * is reported.
 */
public final class PythonJobRunner {
    private final DataOutputStream control;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private final DataOutputStream frameOut = new DataOutputStream(frame);
    /** The answer to the driver's last savepoint request, sent before the job's end. */
    private volatile CompletableFuture<?> savepointAnswered = CompletableFuture.completedFuture(null);

    private PythonJobRunner(DataOutputStream control) {
        this.control = control;
    }

    /** Arguments: the path of the plan's JSON file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PythonJobRunner PLAN.json (started by the weir Python package's execute())");
            System.exit(2);
        }
        JsonNode plan = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        int port = plan.get("port").asInt();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataOutputStream control = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            PythonJobRunner runner = new PythonJobRunner(control);
            runner.send(List.of("control"));
            runner.run(plan, port, new DataInputStream(new BufferedInputStream(socket.getInputStream())));
        }
        System.exit(0);
    }

    private void run(JsonNode plan, int port, DataInputStream requests) throws IOException {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        String jobName = plan.path("job_name").asText("Python job");
        DataStream<Object> collected;
        try {
            collected = new PlanTranslator(env, port).translate(plan);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException | InvalidProgramException e) {
            send(List.of("invalid", String.valueOf(e.getMessage())));
            return;
        } catch (RuntimeException e) {
            send(List.of("failed", describe(e)));
            return;
        }
        try {
            if (collected == null) {
                JobClient client = env.executeAsync(jobName);
                send(List.of("started", client.getJobID().toString()));
                listenForRequests(requests, client);
                try {
                    client.getJobExecutionResult().get();
                    savepointAnswered.exceptionally(e -> null).join();
                } catch (ExecutionException e) {
                    savepointAnswered.exceptionally(failure -> null).join();
                    if (client.getJobStatus().get() == JobStatus.CANCELED) {
                        send(List.of("canceled"));
                        return;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            } else {
                try (CloseableIterator<Object> values = collected.executeAndCollect(jobName)) {
                    while (values.hasNext()) {
                        Object value = values.next();
                        send(List.of("record", value instanceof Keyed keyed ? keyed.value() : value));
                    }
                }
            }
            send(List.of("finished"));
        } catch (Exception e) {
            InvalidProgramException invalid = find(e, InvalidProgramException.class);
            if (invalid != null) {
                send(List.of("invalid", String.valueOf(invalid.getMessage())));
            } else {
                send(List.of("failed", describe(e)));
            }
        }
    }

    /** Serves the driver's JobClient calls; a closed connection asks nothing more (the driver waits for the end). */
    private void listenForRequests(DataInputStream requests, JobClient client) {
        Thread listener = new Thread(() -> {
            try {
                while (true) {
                    byte[] frame = new byte[requests.readInt()];
                    requests.readFully(frame);
                    List<?> request = (List<?>) ValueCodec.readAll(frame).get(0);
                    if (request.get(0).equals("cancel")) {
                        client.cancel();
                    } else if (request.get(0).equals("savepoint")) {
                        savepoint(client, (String) request.get(1), (Boolean) request.get(2), (Boolean) request.get(3));
                    }
                }
            } catch (IOException e) {
                // The driver closed the connection: the job ends on its own.
            }
        }, "weir-python-job-client");
        listener.setDaemon(true);
        listener.start();
    }

    private void savepoint(JobClient client, String directory, boolean stop, boolean drain) {
        CompletableFuture<String> written = stop ? client.stopWithSavepoint(drain, directory)
                : client.triggerSavepoint(directory);
        savepointAnswered = written.whenComplete((path, failure) -> {
            try {
                send(failure == null ? List.of("savepoint", path)
                        : List.of("savepoint_failed", String.valueOf(rootMessage(failure))));
            } catch (IOException e) {
                // The driver is gone; nobody waits for the answer.
            }
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** A Python function's failure is told in Python's words; anything else with its Java causes. */
    private static String describe(Throwable e) {
        PythonFunctionException python = find(e, PythonFunctionException.class);
        if (python != null) {
            return python.getMessage();
        }
        String root = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                root = t.getMessage();
            }
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return "The job failed: " + root + "\n" + trace;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private synchronized void send(Object message) throws IOException {
        frame.reset();
        ValueCodec.write(frameOut, message);
        control.writeInt(frame.size());
        frame.writeTo(control);
        control.flush();
    }
}
