package dev.weir.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical operators of a job in topological order, with their edges and chains. A chain is a group of
 * operators that run in one task and call each other directly; it is named by its head.
 */
public final class StreamGraph {
    private final String jobName;
    private final List<StreamNode> nodes;

    StreamGraph(String jobName, List<StreamNode> nodes) {
        this.jobName = jobName;
        this.nodes = List.copyOf(nodes);
    }

    public String jobName() {
        return jobName;
    }

    /** All nodes, inputs before the nodes that read them. */
    public List<StreamNode> nodes() {
        return nodes;
    }

    /** The chain heads, in topological order. */
    public List<StreamNode> chainHeads() {
        List<StreamNode> heads = new ArrayList<>();
        for (StreamNode n : nodes) {
            if (n.chainedTo() == null) {
                heads.add(n);
            }
        }
        return heads;
    }

    /** The members of each chain, keyed by head, each list in topological order. */
    public Map<StreamNode, List<StreamNode>> chains() {
        Map<StreamNode, List<StreamNode>> chains = new LinkedHashMap<>();
        for (StreamNode n : nodes) {
            List<StreamNode> chain = chains.get(n.chainHead());
            if (chain == null) {
                chain = new ArrayList<>();
                chains.put(n.chainHead(), chain);
            }
            chain.add(n);
        }
        return chains;
    }

    /** Edges between chains: these cross threads through the exchange. */
    public List<StreamEdge> networkEdges() {
        List<StreamEdge> edges = new ArrayList<>();
        for (StreamNode n : nodes) {
            for (StreamEdge e : n.inputs()) {
                if (n.chainedTo() == null) {
                    edges.add(e);
                }
            }
        }
        return edges;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StreamGraph '" + jobName + "'\n");
        for (StreamNode n : nodes) {
            sb.append("  ").append(n).append(" p=").append(n.parallelism());
            if (n.chainedTo() != null) {
                sb.append(" chained to ").append(n.chainedTo());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
