package dev.weir.flink.functions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;

/**
 * Hands the committables of a completed Flink checkpoint to a Weir committer, all at once as Weir does. Weir's
 * committers are idempotent (a commit repeated after a restore changes nothing), so a failed commit fails the task
 * and the commit is repeated from the restored checkpoint.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class WeirCommitter implements Committer<Object> {
    /** Null for a sink with writer state and no committer, whose writer never prepares committables. */
    private final dev.weir.api.connector.sink2.Committer weir;

    WeirCommitter(dev.weir.api.connector.sink2.Committer<?> weir) {
        this.weir = weir;
    }

    @Override
    public void commit(Collection<CommitRequest<Object>> requests) throws IOException, InterruptedException {
        if (requests.isEmpty()) {
            return;
        }
        if (weir == null) {
            throw new IllegalStateException("A Weir sink without a committer prepared " + requests.size() + " committable(s)");
        }
        List<Object> committables = new ArrayList<>(requests.size());
        for (CommitRequest<Object> request : requests) {
            committables.add(request.getCommittable());
        }
        try {
            weir.commit(committables);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The Weir committer " + weir.getClass().getName() + " failed to commit "
                    + committables.size() + " committable(s); the job restarts and commits them again", e);
        }
    }

    @Override
    public void close() throws Exception {
        if (weir != null) {
            weir.close();
        }
    }
}
