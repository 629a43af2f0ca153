package dev.weir.python;

import dev.weir.api.common.functions.RuntimeContext;
import java.io.IOException;
import java.io.Serializable;

/**
 * A process-type function's link to its Python worker (process, co-process and window functions): connects when the
 * function opens, gives the {@link ProcessConversation} its calls go through, and closes with the function.
 */
final class ConversationLink implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    /** Whether the function has keyed state (its stream is keyed). */
    private final boolean keyed;
    private transient WorkerConnection worker;
    private transient ProcessConversation conversation;

    ConversationLink(int driverPort, int operatorId, boolean keyed) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
        this.keyed = keyed;
    }

    void open(RuntimeContext context) throws IOException {
        worker = new WorkerConnection(driverPort, operatorId, context.getIndexOfThisSubtask(),
                context.getNumberOfParallelSubtasks());
        conversation = new ProcessConversation(worker, context, keyed);
    }

    ProcessConversation conversation() {
        return conversation;
    }

    void close() throws IOException {
        if (worker != null) {
            worker.close();
        }
    }
}
