package dev.weir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.web.rest.RestJson;
import dev.weir.web.rest.RestMessages.ErrorResponse;
import dev.weir.web.rest.RestMessages.SavepointStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks to a running Weir's REST API with the server's own message records (Jackson), turning transport failures,
 * refusals and 404s into the CLI's exit codes.
 */
final class RestClient {
    private static final ObjectMapper JSON = RestJson.client();
    private final String base;
    private final String token;
    /** Who answers at the address, for messages: "Weir", or "Flink JobManager" for {@code --target flink}. */
    private final String server;
    /**
     * HTTP/1.1 only: Weir's server speaks it, and the client's default attempt to upgrade to HTTP/2 on a POST with a
     * body, combined with a connect timeout, left the request waiting until that timeout and reported "Cannot reach"
     * after the server had acted on it (a stop wrote its savepoint, {@code weir stop} said exit 5).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the Weir at {@code address} (HOST:PORT, or a URL), sending {@code token} (or none) on mutating calls. */
    RestClient(String address, String token) {
        this(address, token, "Weir");
    }

    /** A client of {@code server} (named in messages) at {@code address}: a Flink JobManager's REST API has Weir's shape. */
    RestClient(String address, String token, String server) {
        this.base = checkedBase(address);
        this.token = token;
        this.server = server;
    }

    /** {@code http://HOST:PORT} of a valid address, or a bad command line (exit 2) saying what is wrong. */
    static String checkedBase(String address) {
        String url = address.startsWith("http://") || address.startsWith("https://") ? address : "http://" + address;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw badAddress(address, e.getReason());
        }
        if (uri.getHost() == null) {
            throw badAddress(address, "no host name, or a port that is not a number");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw badAddress(address, uri.getPort() == -1 ? "no port" : "port " + uri.getPort() + " is not in 1-65535");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw badAddress(address, "a path (" + uri.getRawPath() + ") where only HOST:PORT belongs");
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static CliFailure badAddress(String address, String reason) {
        return new CliFailure(2, "Bad --address '" + address + "': " + reason + "; pass HOST:PORT, e.g. localhost:8081");
    }

    <T> T get(String path, Class<T> type) {
        return read(send(HttpRequest.newBuilder(uri(path)).GET()), type);
    }

    <T> T post(String path, Object body, Class<T> type) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body + " as JSON", e);
        }
        return read(send(mutating(path).POST(HttpRequest.BodyPublishers.ofString(json))), type);
    }

    void patch(String path) {
        send(mutating(path).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder mutating(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        return token == null || token.isBlank() ? b : b.header("Authorization", "Bearer " + token.trim());
    }

    /** Polls a savepoint request until it completes; returns its location or fails with its cause. */
    String awaitSavepoint(String jobId, String requestId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            SavepointStatus status = get("/jobs/" + jobId + "/savepoints/" + requestId, SavepointStatus.class);
            if ("COMPLETED".equals(status.status().id())) {
                if (status.operation() != null && status.operation().location() != null) {
                    return status.operation().location();
                }
                String cause = status.operation() == null || status.operation().failureCause() == null ? "no reason given"
                        : status.operation().failureCause().stackTrace();
                throw new CliFailure(Weir.FAILED, "The savepoint failed: " + cause);
            }
            Thread.sleep(100);
        }
        throw new CliFailure(Weir.FAILED, "The savepoint did not complete within 2 minutes; see the job's checkpoints on the dashboard");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Weir.FAILED, "Interrupted while talking to " + base);
        }
        if (r.statusCode() == 404) {
            String error = error(r.body());
            if (error == null) {
                // Not Weir's own "not found" (a job, a vertex, a request): the route itself is unknown.
                throw new CliFailure(Weir.FAILED, "The server at " + base + " has no " + r.request().method() + " "
                        + r.request().uri().getPath() + " (404): is it a Weir of the same version? `weir list --address` checks");
            }
            throw new CliFailure(Weir.NO_SUCH_JOB, error);
        }
        if (r.statusCode() >= 400) {
            String error = error(r.body());
            throw new CliFailure(Weir.FAILED, server + " at " + base + " refused the request (" + r.statusCode() + "): "
                    + (error != null ? error : r.body()));
        }
        return r.body();
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new CliFailure(Weir.FAILED, server + " at " + base + " answered what is not " + type.getSimpleName() + ": "
                    + RestJson.reason(e));
        }
    }

    /** The first error of Weir's {@link ErrorResponse}, or null when the body is not one. */
    private static String error(String body) {
        try {
            ErrorResponse e = JSON.readValue(body, ErrorResponse.class);
            return e.errors() == null || e.errors().isEmpty() ? null : e.errors().get(0);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private CliFailure unreachable(Exception e) {
        return new CliFailure(Weir.UNREACHABLE, "Cannot reach " + server + " at " + base + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "): start one with `weir demo` or `weir run`, or pass --address HOST:PORT");
    }
}
