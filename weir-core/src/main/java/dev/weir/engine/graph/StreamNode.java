package dev.weir.engine.graph;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.plan.ChainingStrategy;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Transformation;
import java.util.ArrayList;
import java.util.List;

/** A physical operator of a job: a source, an operator or a sink, with its resolved parallelism and edges. */
public final class StreamNode {
    private final Transformation transformation;
    private final int parallelism;
    private final int maxParallelism;
    private final List<StreamEdge> inputs = new ArrayList<>();
    private final List<StreamEdge> outputs = new ArrayList<>();
    private StreamNode chainedTo;
    private StreamNode inputSourceWithoutEventTime;

    StreamNode(Transformation transformation, int parallelism, int maxParallelism) {
        this.transformation = transformation;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
    }

    public int id() {
        return transformation.getId();
    }

    public String name() {
        return transformation.getName();
    }

    public String uid() {
        return transformation.getUid();
    }

    public OperatorSpec spec() {
        return transformation.getSpec();
    }

    public Transformation.Kind kind() {
        return transformation.getKind();
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public ChainingStrategy chainingStrategy() {
        return transformation.getChainingStrategy();
    }

    String slotSharingGroup() {
        return transformation.getSlotSharingGroup();
    }

    public List<StreamEdge> inputs() {
        return inputs;
    }

    public List<StreamEdge> outputs() {
        return outputs;
    }

    /** The number of logical inputs (1 or 2; 0 for sources). */
    public int inputCount() {
        return kind() == Transformation.Kind.SOURCE ? 0 : transformation.getInputs().size();
    }

    public boolean isOneInput() {
        return inputCount() == 1;
    }

    public boolean isKeyed() {
        return !transformation.getStateKeys().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public KeySelector<Object, Object> stateKey(int input) {
        List<KeySelector<?, ?>> keys = transformation.getStateKeys();
        return input < keys.size() ? (KeySelector<Object, Object>) keys.get(input) : null;
    }

    /** The upstream node this one is chained to, or null when it heads a chain. */
    public StreamNode chainedTo() {
        return chainedTo;
    }

    void chainTo(StreamNode upstream) {
        this.chainedTo = upstream;
    }

    public StreamNode chainHead() {
        StreamNode n = this;
        while (n.chainedTo != null) {
            n = n.chainedTo;
        }
        return n;
    }

    /** A source whose elements reach this node's input without timestamps and watermarks, or null. */
    public StreamNode inputSourceWithoutEventTime() {
        return inputSourceWithoutEventTime;
    }

    void setInputSourceWithoutEventTime(StreamNode source) {
        this.inputSourceWithoutEventTime = source;
    }

    /** "Map 'parse'"-style name for messages. */
    public String describe() {
        String kind = spec() == null ? kind().name() : spec().kind();
        return kind.equals(name()) ? "'" + name() + "'" : kind + " '" + name() + "'";
    }

    @Override
    public String toString() {
        return describe() + "#" + id();
    }
}
