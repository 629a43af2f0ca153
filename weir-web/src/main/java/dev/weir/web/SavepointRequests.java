package dev.weir.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The savepoint and stop requests made over REST, by request id, for polling; keeps the latest {@value #KEPT} (a
 * client polls within seconds), so that the table cannot grow without bound. A failed request is logged.
 */
final class SavepointRequests {
    static final int KEPT = 100;
    private static final System.Logger LOG = System.getLogger(SavepointRequests.class.getName());
    private final Map<String, CompletableFuture<String>> requests = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> eldest) {
            return size() > KEPT;
        }
    };

    /** Registers a request of job {@code jobId}; returns its id. */
    String add(String jobId, String what, CompletableFuture<String> savepoint) {
        String id = UUID.randomUUID().toString().replace("-", "");
        synchronized (requests) {
            requests.put(id, savepoint);
        }
        savepoint.whenComplete((path, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                LOG.log(System.Logger.Level.WARNING, what + " of job " + jobId + " requested over REST (request " + id + ") failed: "
                        + cause.getMessage());
            }
        });
        return id;
    }

    /** The request with this id, or null (never made, or forgotten). */
    CompletableFuture<String> get(String id) {
        synchronized (requests) {
            return requests.get(id);
        }
    }

    int size() {
        synchronized (requests) {
            return requests.size();
        }
    }
}
