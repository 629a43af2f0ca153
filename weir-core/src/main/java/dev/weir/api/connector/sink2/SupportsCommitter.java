package dev.weir.api.connector.sink2;

/**
 * A {@link Sink} that commits in two phases, for exactly-once output: its writers (which implement
 * {@link CommittingSinkWriter}) prepare committables on every checkpoint; the committables are stored in the
 * checkpoint; when the checkpoint completes, the {@link Committer} makes them visible. After a failure the
 * committables of the restored checkpoint are committed again, so commits must be idempotent.
 */
public interface SupportsCommitter<CommT> {
    Committer<CommT> createCommitter() throws Exception;
}
