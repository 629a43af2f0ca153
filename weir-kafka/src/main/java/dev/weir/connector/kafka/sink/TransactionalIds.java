package dev.weir.connector.kafka.sink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transactional ids of an exactly-once {@link KafkaSink}, as Flink's: {@code <prefix>-<subtask>-<n>}, where
 * subtask is the index of the writer that opened the transaction and n the id of the checkpoint that will hold it
 * (the one after the last checkpoint the writer took, or after the checkpoint it was restored from). Both can be
 * read back: on a restore from checkpoint c, an open transaction with n at most c belongs to a completed checkpoint
 * and is committed, one with n above c does not and is aborted, by the writer that owns its subtask.
 */
final class TransactionalIds {
    /** What follows {@code <prefix>-}: nothing else, so the ids of a prefix that extends ours ("p-x" for "p") never match. */
    private static final Pattern AFTER_PREFIX = Pattern.compile("(\\d{1,9})-(\\d{1,19})");

    private TransactionalIds() {
    }

    /** The id of the transaction subtask {@code subtask} opens for checkpoint {@code checkpointId}. */
    static String of(String prefix, int subtask, long checkpointId) {
        return prefix + "-" + subtask + "-" + checkpointId;
    }

    /** The subtask that opened the transaction of {@code transactionalId}, or -1 if the id is not of this prefix. */
    static int subtaskOf(String prefix, String transactionalId) {
        Matcher m = afterPrefix(prefix, transactionalId);
        return m == null ? -1 : Integer.parseInt(m.group(1));
    }

    /** The checkpoint the transaction of {@code transactionalId} was opened for, or -1 if the id is not of this prefix. */
    static long checkpointOf(String prefix, String transactionalId) {
        Matcher m = afterPrefix(prefix, transactionalId);
        return m == null ? -1 : Long.parseLong(m.group(2));
    }

    private static Matcher afterPrefix(String prefix, String transactionalId) {
        if (!transactionalId.startsWith(prefix) || transactionalId.length() <= prefix.length()
                || transactionalId.charAt(prefix.length()) != '-') {
            return null;
        }
        Matcher m = AFTER_PREFIX.matcher(transactionalId).region(prefix.length() + 1, transactionalId.length());
        return m.matches() ? m : null;
    }
}
