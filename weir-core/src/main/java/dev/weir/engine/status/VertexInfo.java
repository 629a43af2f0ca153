package dev.weir.engine.status;

import java.util.List;

/** A vertex of the job graph after chaining: one chain of operators that runs as {@code parallelism} tasks. */
public record VertexInfo(String id, String name, int parallelism, int maxParallelism, List<String> operators) {
}
