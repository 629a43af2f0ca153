package dev.weir.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks to a running Weir's REST API, turning transport failures and 404s into the CLI's exit codes. */
final class RestClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RestClient(String address) {
        this.base = address.startsWith("http://") || address.startsWith("https://") ? address : "http://" + address;
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    String post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String patch(String path) {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls a savepoint request until it completes; returns its location or fails with its cause. */
    String awaitSavepoint(String jobId, String requestId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            String status = get("/jobs/" + jobId + "/savepoints/" + requestId);
            if (status.contains("\"COMPLETED\"")) {
                String location = field(status, "location");
                if (location != null) {
                    return location;
                }
                throw new CliFailure(Weir.FAILED, "The savepoint failed: " + field(status, "stack-trace"));
            }
            Thread.sleep(100);
        }
        throw new CliFailure(Weir.FAILED, "The savepoint did not complete within 2 minutes; see the job's checkpoints on the dashboard");
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "Bad --address '" + base + "': pass HOST:PORT, e.g. localhost:8081");
        }
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Weir.FAILED, "Interrupted while talking to " + base);
        }
        if (r.statusCode() == 404) {
            String error = field(r.body(), "errors");
            throw new CliFailure(Weir.NO_SUCH_JOB, error != null ? error : firstError(r.body()));
        }
        if (r.statusCode() >= 400) {
            throw new CliFailure(Weir.FAILED, "Weir at " + base + " refused the request (" + r.statusCode() + "): " + firstError(r.body()));
        }
        return r.body();
    }

    private CliFailure unreachable(Exception e) {
        return new CliFailure(Weir.UNREACHABLE, "Cannot reach Weir at " + base + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "): start one with `weir demo` or `weir run`, or pass --address HOST:PORT");
    }

    private static String firstError(String body) {
        Matcher m = Pattern.compile("\"errors\":\\[\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        return m.find() ? m.group(1) : body;
    }

    /** The string value of the first field with this name in a JSON text, or null. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }
}
