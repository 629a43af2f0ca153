"""The job plan a Python program builds: nodes the JVM's PlanTranslator turns into Weir operators."""
import os
import sys

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def call_site():
    """``file.py:line`` of the user's code that called into weir, to name operators after where they were made."""
    frame = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame = frame.f_back
    if frame is None:
        return "?"
    return "%s:%d" % (os.path.basename(frame.f_code.co_filename), frame.f_lineno)


class Plan:
    """The nodes added so far and the Python functions they call, by node id."""

    def __init__(self):
        self.nodes = []
        self.functions = {}
        #: The output_type a call was given, by node id (for DataStream.get_type(); never sent to the JVM).
        self.types = {}

    def add(self, kind, input_node=None, function=None, **settings):
        node_id = len(self.nodes) + 1
        node = {"id": node_id, "kind": kind, "name": "%s at %s" % (kind, call_site()),
                "input": input_node["id"] if input_node is not None else None, "parallelism": None}
        node.update(settings)
        self.nodes.append(node)
        if function is not None:
            self.functions[node_id] = function
        return node

    def clear(self):
        self.nodes = []
        self.functions = {}
        self.types = {}
