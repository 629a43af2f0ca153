"""PyFlink's ``OutputTag``: names a side output of a process function."""


class OutputTag:
    """A side output's name; a process function emits to it with ``yield tag, value``."""

    def __init__(self, tag_id, type_info=None):
        if not isinstance(tag_id, str) or not tag_id:
            raise ValueError("OutputTag(...) needs a non-empty str id, not %r" % (tag_id,))
        self.tag_id = tag_id
        self.type_info = type_info

    def __eq__(self, other):
        return isinstance(other, OutputTag) and other.tag_id == self.tag_id

    def __hash__(self):
        return hash(self.tag_id)

    def __repr__(self):
        return "OutputTag(%r)" % self.tag_id
