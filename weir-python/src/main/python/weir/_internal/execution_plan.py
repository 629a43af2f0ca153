"""``get_execution_plan()``: the job's plan in Flink's JSON shape (nodes with id, type, pact, contents, parallelism and
predecessors with their ship strategy), built from the Python plan without running anything."""
import json

_SOURCES = ("from_collection", "number_sequence", "file_source", "kafka_source")
_SINKS = ("print", "sink_to", "collect", "discard")
#: Plan nodes that are no operator in the job: their readers connect to their inputs.
_PASS_THROUGH = ("union", "partition", "side_output", "broadcast_state")
_STRATEGIES = {"rebalance": "REBALANCE", "rescale": "RESCALE", "shuffle": "SHUFFLE", "forward": "FORWARD",
               "broadcast": "BROADCAST"}
#: Operators that read their input by key (after key_by).
_KEYED = ("reduce", "sum", "min", "max", "min_by", "max_by", "keyed_process", "aggregate", "window_process",
          "keyed_co_process")


def execution_plan(nodes, parallelism):
    """The JSON text of the plan of ``nodes`` (the environment's plan so far) at the job's ``parallelism``."""
    by_id = {node["id"]: node for node in nodes}
    out = []
    for node in nodes:
        kind = node["kind"]
        if kind in _PASS_THROUGH or kind == "function":
            continue
        own = _parallelism(node, parallelism)
        entry = {"id": node["id"], "type": _type(node), "pact": _pact(kind), "contents": node["name"],
                 "parallelism": own}
        predecessors = []
        for input_id, side in _inputs(node):
            for source_id, strategy in _operators(by_id, input_id, None):
                if strategy is None:
                    strategy = _strategy(node, by_id[source_id], own, parallelism)
                predecessors.append({"id": source_id, "ship_strategy": strategy, "side": side})
        if predecessors:
            entry["predecessors"] = predecessors
        out.append(entry)
    return json.dumps({"nodes": out}, indent=2)


def _inputs(node):
    inputs = []
    if node.get("input") is not None:
        inputs.append((node["input"], "first"))
    if node.get("other") is not None:
        inputs.append((node["other"], "second"))
    return inputs


def _operators(by_id, node_id, strategy):
    """The operators behind plan node ``node_id`` (itself, or those a union, partition or side output reads), each
    with the ship strategy a partition node set."""
    node = by_id[node_id]
    kind = node["kind"]
    if kind not in _PASS_THROUGH:
        return [(node_id, strategy)]
    if kind == "partition":
        strategy = _STRATEGIES.get(node["how"], strategy)
    elif kind == "broadcast_state":
        strategy = "BROADCAST"
    found = _operators(by_id, node["input"], strategy)
    for other in node.get("others", ()):
        found.extend(_operators(by_id, other, strategy))
    return found


def _strategy(node, predecessor, own, parallelism):
    if node["kind"] in _KEYED or (node["kind"] == "broadcast_process" and node.get("keyed")):
        return "HASH"
    return "FORWARD" if _parallelism(predecessor, parallelism) == own else "REBALANCE"


def _parallelism(node, parallelism):
    if node.get("parallelism") is not None:
        return node["parallelism"]
    return 1 if node["kind"] == "from_collection" else parallelism


def _pact(kind):
    return "Data Source" if kind in _SOURCES else "Data Sink" if kind in _SINKS else "Operator"


def _type(node):
    kind = node["kind"]
    if kind in _SOURCES:
        return "Source: " + node["name"]
    if kind in _SINKS:
        return "Sink: " + node["name"]
    return node["name"]
