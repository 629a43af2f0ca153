package dev.weir.web;

import java.util.List;
import java.util.Map;

/**
 * Starts a SQL job in this Weir for a remote SQL client ({@code weir sql --address}): the contract the SQL engine
 * implements (found with {@link java.util.ServiceLoader}, so the web module knows no SQL), called by
 * {@code POST /sql/jobs} on a request thread.
 */
public interface SqlJobRunner {
    /**
     * Runs {@code statements} in a fresh SQL session with {@code configuration} set: every statement but the last sets
     * the session up (CREATE TABLE / VIEW / FUNCTION ...), the last is an INSERT or EXECUTE STATEMENT SET whose job
     * starts in this process and shows on the dashboard. Returns that job's id; throws, with the reason, when a
     * statement fails.
     */
    String start(Map<String, String> configuration, List<String> statements) throws Exception;
}
