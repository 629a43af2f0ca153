package dev.weir.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The savepoint and stop requests made over REST, by request id, for polling; keeps the latest {@value #KEPT} (a
 * client polls within seconds), so that the table cannot grow without bound. A failed request is logged. A stop's
 * outcome is remembered until a client has read it, so that the server can wait for that before it shuts down (the
 * job it stopped was what kept a {@code weir run} alive).
 */
final class SavepointRequests {
    static final int KEPT = 100;
    private static final System.Logger LOG = System.getLogger(SavepointRequests.class.getName());
    private final Map<String, Request> requests = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Request> eldest) {
            return size() > KEPT;
        }
    };

    private static final class Request {
        final CompletableFuture<String> savepoint;
        final boolean stopsTheJob;
        volatile boolean read;

        Request(CompletableFuture<String> savepoint, boolean stopsTheJob) {
            this.savepoint = savepoint;
            this.stopsTheJob = stopsTheJob;
        }
    }

    /** Registers a request of job {@code jobId} ({@code what}: "Savepoint", "Stop with savepoint"); returns its id. */
    String add(String jobId, String what, boolean stopsTheJob, CompletableFuture<String> savepoint) {
        String id = UUID.randomUUID().toString().replace("-", "");
        synchronized (requests) {
            requests.put(id, new Request(savepoint, stopsTheJob));
        }
        savepoint.whenComplete((path, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.log(System.Logger.Level.WARNING, what + " of job " + jobId + " requested over REST (request " + id + ") failed: "
                        + cause.getMessage());
            }
        });
        return id;
    }

    /** The request with this id, or null (never made, or forgotten); a completed one counts as read from now on. */
    CompletableFuture<String> read(String id) {
        Request r;
        synchronized (requests) {
            r = requests.get(id);
        }
        if (r == null) {
            return null;
        }
        if (r.savepoint.isDone()) {
            r.read = true;
        }
        return r.savepoint;
    }

    /** Waits up to {@code millis} until every completed stop has been read by a client. */
    void awaitStopsRead(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline && !unreadStops().isEmpty()) {
            Thread.sleep(20);
        }
    }

    private List<Request> unreadStops() {
        List<Request> unread = new ArrayList<>();
        synchronized (requests) {
            for (Request r : requests.values()) {
                if (r.stopsTheJob && r.savepoint.isDone() && !r.read) {
                    unread.add(r);
                }
            }
        }
        return unread;
    }

    int size() {
        synchronized (requests) {
            return requests.size();
        }
    }
}
