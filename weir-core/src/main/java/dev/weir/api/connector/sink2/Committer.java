package dev.weir.api.connector.sink2;

import java.util.Collection;

/** Makes prepared committables visible. Called once per completed checkpoint, and again on restore (idempotently). */
public interface Committer<CommT> extends AutoCloseable {
    void commit(Collection<CommT> committables) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
