package dev.weir.connector.kafka.sink;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transactional ids of an exactly-once {@link KafkaSink}: {@code <prefix>-<subtask>-<run>-<n>}, where subtask is
 * the index of the writer that prepared the committable, run is eight hex digits new for every writer (so no id is
 * reused by a restart or by another run of the job) and n counts that writer's committables. The subtask can be read
 * back, which tells on a restore which writer aborts what a killed run left open.
 */
final class TransactionalIds {
    /** What follows {@code <prefix>-}: nothing else, so the ids of a prefix that extends ours ("p-x" for "p") never match. */
    private static final Pattern AFTER_PREFIX = Pattern.compile("(\\d{1,9})-[0-9a-f]{8}-\\d{1,19}");

    private TransactionalIds() {
    }

    /** A new writer's ids without the trailing n: {@code <prefix>-<subtask>-<new run token>-}. */
    static String newRun(String prefix, int subtask) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return prefix + "-" + subtask + "-" + run + "-";
    }

    /** The subtask that prepared the committable of {@code transactionalId}, or -1 if the id is not of this prefix. */
    static int subtaskOf(String prefix, String transactionalId) {
        if (!transactionalId.startsWith(prefix) || transactionalId.length() <= prefix.length()
                || transactionalId.charAt(prefix.length()) != '-') {
            return -1;
        }
        Matcher m = AFTER_PREFIX.matcher(transactionalId).region(prefix.length() + 1, transactionalId.length());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
