package dev.weir.plan;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import java.util.List;
import java.util.Objects;

/**
 * One node of the logical plan the API builds: an operator, a source, a sink, a union, a re-partitioning or the
 * selection of a side output. The runtime reads the plan when the job is executed; users do not need this class.
 */
public final class Transformation {
    /** What a node is. */
    public enum Kind {
        SOURCE, OPERATOR, SINK, UNION, PARTITION, SIDE_OUTPUT
    }

    private final int id;
    private final Kind kind;
    private final OperatorSpec spec;
    private final List<Transformation> inputs;
    private String name;
    private String uid;
    private int parallelism = -1;
    private int maxParallelism = -1;
    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
    private String slotSharingGroup = "default";
    private Partitioning partitioning;
    private KeySelector<?, ?> partitionKey;
    private List<KeySelector<?, ?>> stateKeys = List.of();
    private OutputTag<?> sideOutputTag;
    private TypeInformation<?> outputType;

    private Transformation(int id, Kind kind, String name, OperatorSpec spec, List<Transformation> inputs) {
        this.id = id;
        this.kind = kind;
        this.name = Objects.requireNonNull(name, "name");
        this.spec = spec;
        this.inputs = List.copyOf(inputs);
    }

    public static Transformation source(int id, String name, Specs.SourceSpec spec) {
        return new Transformation(id, Kind.SOURCE, name, spec, List.of());
    }

    public static Transformation operator(int id, String name, OperatorSpec spec, List<Transformation> inputs) {
        return new Transformation(id, Kind.OPERATOR, name, spec, inputs);
    }

    public static Transformation sink(int id, String name, OperatorSpec spec, Transformation input) {
        return new Transformation(id, Kind.SINK, name, spec, List.of(input));
    }

    public static Transformation union(int id, List<Transformation> inputs) {
        return new Transformation(id, Kind.UNION, "Union", null, inputs);
    }

    public static Transformation partition(int id, Partitioning partitioning, KeySelector<?, ?> key, Transformation input) {
        Transformation t = new Transformation(id, Kind.PARTITION, partitioning.name(), null, List.of(input));
        t.partitioning = Objects.requireNonNull(partitioning, "partitioning");
        if (partitioning == Partitioning.HASH) {
            t.partitionKey = Objects.requireNonNull(key, "a hash partitioning needs a KeySelector");
        }
        return t;
    }

    public static Transformation sideOutput(int id, OutputTag<?> tag, Transformation input) {
        Transformation t = new Transformation(id, Kind.SIDE_OUTPUT, "SideOutput(" + tag.getId() + ")", null, List.of(input));
        t.sideOutputTag = tag;
        return t;
    }

    public int getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public OperatorSpec getSpec() {
        return spec;
    }

    public List<Transformation> getInputs() {
        return inputs;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /** The operator's parallelism, or -1 for the environment's default. */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = Objects.requireNonNull(chainingStrategy, "chainingStrategy");
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    /** For PARTITION nodes. */
    public Partitioning getPartitioning() {
        return partitioning;
    }

    /** For HASH PARTITION nodes. */
    public KeySelector<?, ?> getPartitionKey() {
        return partitionKey;
    }

    /** For keyed operators: the key selector of each input, by input index. */
    public List<KeySelector<?, ?>> getStateKeys() {
        return stateKeys;
    }

    public void setStateKeys(List<KeySelector<?, ?>> stateKeys) {
        this.stateKeys = List.copyOf(stateKeys);
    }

    /** For SIDE_OUTPUT nodes. */
    public OutputTag<?> getSideOutputTag() {
        return sideOutputTag;
    }

    /** The type a hint or the function gave for this node's output, or {@code null}; Weir does not need it to run. */
    public TypeInformation<?> getOutputType() {
        return outputType;
    }

    public void setOutputType(TypeInformation<?> outputType) {
        this.outputType = outputType;
    }

    @Override
    public String toString() {
        return kind + "#" + id + "(" + name + ")";
    }
}
