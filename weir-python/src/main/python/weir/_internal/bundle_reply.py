"""The worker's reply to a bundle of records: the answers marshalled chunk by chunk (the JVM reads marshal's format
for plain values: dev.weir.python.MarshalReader), or as tagged values (codec) where marshal cannot write them."""
import io
import marshal
import struct

from weir._internal import codec
from weir._internal.frames import new_frame

_INT = struct.Struct(">i")
#: Records answered at a time. A whole bundle (100,000 records by default) of Python objects, their answers and the
#: lists holding them is megabytes; a chunk's stays in the CPU's cache, and its objects' memory is reused by the next.
CHUNK = 2048
#: Marshal's format 2 writes no references between objects, so each value is complete where it is written.
_MARSHAL_VERSION = 2
#: Where the marshalled answers start in a reply frame: after the frame's length, 'R' and 'K'.
_MARSHALLED_AT = 6


def _nothing():
    pass


class BundleReply:
    """Answers one bundle's ``inputs`` (a list, or a memoryview of packed ints read straight from the frame). ``done``
    counts the records answered: after an error it is the index of the record that failed."""

    def __init__(self, inputs):
        self.inputs = inputs
        self.done = 0
        self._marshalled = None

    def reply(self, answer, kind, function, between_chunks=_nothing):
        """The reply frame (made by ``new_frame``): 'R', 'K' and one marshalled list of answers per chunk, or 'R' and
        the list of answers as tagged values. ``answer(kind, function, inputs, answers)`` appends the answer to each
        input to the list ``answers``; ``between_chunks()`` is called before each chunk (the worker sends more of its
        last reply)."""
        frame = new_frame(b"RK")
        answers = []
        for start in range(0, len(self.inputs), CHUNK):
            between_chunks()
            answers.clear()
            self._answer(start, start + CHUNK, answer, kind, function, answers)
            try:
                frame += marshal.dumps(answers, _MARSHAL_VERSION)
            except ValueError:  # a value marshal cannot write (a Row, a subclass of tuple, ...)
                everything = self._unmarshal(frame)
                everything += answers
                self._answer(start + CHUNK, len(self.inputs), answer, kind, function, everything)
                return self._tagged(everything)
        self._marshalled = frame
        return frame

    def tagged_reply(self):
        """The last reply again, as tagged values: the JVM asks for it when a marshalled value is not one it reads (a
        set, an int over 64 bits); encoding it raises the error that names the value."""
        return self._tagged(self._unmarshal(self._marshalled))

    def _answer(self, start, end, answer, kind, function, answers):
        first = len(answers)
        try:
            answer(kind, function, self.inputs[start:end], answers)
        finally:
            self.done = start + len(answers) - first

    @staticmethod
    def _unmarshal(frame):
        """The answers of the marshalled chunks in ``frame``, in one list."""
        everything = []
        stream = io.BytesIO(frame)
        stream.seek(_MARSHALLED_AT)
        while stream.tell() < len(frame):
            everything += marshal.load(stream)
        return everything

    def _tagged(self, answers):
        frame = new_frame(b"RL")
        frame += _INT.pack(len(answers))
        for index, value in enumerate(answers):
            try:
                codec.encode(value, frame)
            except Exception:
                self.done = index
                raise
        return frame
