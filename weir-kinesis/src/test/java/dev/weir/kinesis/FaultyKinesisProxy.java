package dev.weir.kinesis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy in front of kinesalite that answers as a throttled Kinesis does: the first {@code n} GetRecords calls get
 * {@code ProvisionedThroughputExceededException}, and the first {@code m} PutRecords calls have every second record
 * rejected (the others are written), as a partial failure. Speaks the JSON protocol (the client turns CBOR off for
 * endpoints it is given).
 */
final class FaultyKinesisProxy implements AutoCloseable {
    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern STREAM = Pattern.compile("\"StreamName\":\"([^\"]*)\"");
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade");

    final AtomicInteger getRecordsToThrottle = new AtomicInteger();
    final AtomicInteger putRecordsToFailPartly = new AtomicInteger();
    final AtomicInteger throttledGetRecords = new AtomicInteger();
    final AtomicInteger rejectedPutRecords = new AtomicInteger();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;

    FaultyKinesisProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String action = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (action.endsWith(".GetRecords") && getRecordsToThrottle.getAndDecrement() > 0) {
                throttledGetRecords.incrementAndGet();
                reply(exchange, 400, "{\"__type\":\"ProvisionedThroughputExceededException\",\"message\":\"Rate exceeded for shard\"}");
            } else if (action.endsWith(".PutRecords") && putRecordsToFailPartly.getAndDecrement() > 0) {
                putHalf(exchange, body);
            } else {
                HttpResponse<String> response = forward(exchange, body);
                reply(exchange, response.statusCode(), response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, "{\"__type\":\"InternalFailure\"}");
        } finally {
            exchange.close();
        }
    }

    /** Writes the even-indexed records and rejects the odd ones, answering with one result per record in order. */
    private void putHalf(HttpExchange exchange, String body) throws IOException, InterruptedException {
        String records = body.substring(body.indexOf('[') + 1, body.lastIndexOf(']'));
        List<String> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(records);
        while (m.find()) {
            entries.add(m.group());
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += 2) {
            kept.add(entries.get(i));
        }
        Matcher stream = STREAM.matcher(body);
        stream.find();
        String forwarded = "{\"Records\":[" + String.join(",", kept) + "],\"StreamName\":\"" + stream.group(1) + "\"}";
        HttpResponse<String> response = forward(exchange, forwarded);
        List<String> accepted = new ArrayList<>();
        Matcher results = ENTRY.matcher(response.body().substring(response.body().indexOf('[') + 1));
        while (results.find()) {
            accepted.add(results.group());
        }
        List<String> merged = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (i % 2 == 0) {
                merged.add(accepted.get(i / 2));
            } else {
                merged.add("{\"ErrorCode\":\"ProvisionedThroughputExceededException\",\"ErrorMessage\":\"Rate exceeded for shard\"}");
                failed++;
            }
        }
        rejectedPutRecords.addAndGet(failed);
        reply(exchange, 200, "{\"FailedRecordCount\":" + failed + ",\"Records\":[" + String.join(",", merged) + "]}");
    }

    private HttpResponse<String> forward(HttpExchange exchange, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
