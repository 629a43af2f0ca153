"""Forms of a map worker's per-chunk loop in one process (no sockets, no JVM), to count their instructions: each pass
answers one bundle of 100,000 packed ints in chunks of 2,048 with f(x) = x * 2 + 1. CPU time swings on a loaded
machine; instructions do not. Count two numbers of passes and take the difference:

    PY="$(python3 -c 'import sys; print(sys.executable)')"
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.1 "$PY" weir-python/bench/worker_forms.py worker 1
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.3 "$PY" weir-python/bench/worker_forms.py worker 3
    # (Collected of 3 passes - Collected of 1) / 200000 = instructions a record

Forms: loop (the bench's plain loop over a list), worker (what the worker does: map over the memoryview, marshal),
unpack (a tuple per chunk by struct), prealloc (the reply into a preallocated bytearray), listcomp, append (a Python
loop with append bound to a local), struct (answers packed by struct: not exact, see docs/benchmarks-python.md).
"""
import array
import marshal
import struct
import sys

N = 100_000
CHUNK = 2048
_UNPACK = struct.Struct("=%dq" % CHUNK)
_PAYLOAD = bytearray(b"A" + struct.pack(">i", N) + array.array("q", range(1, N + 1)).tobytes())
_RECORDS = list(range(1, N + 1))
_FRAME = bytearray(8 * N + 64)


def f(x):
    return x * 2 + 1


def _view():
    return memoryview(_PAYLOAD)[5:5 + 8 * N].cast("q")


def _starts():
    return range(0, N - CHUNK + 1, CHUNK)


def loop():
    for value in _RECORDS:
        f(value)


def worker():
    view, frame, answers = _view(), bytearray(b"\0\0\0\0RK"), []
    for start in _starts():
        answers.clear()
        answers.extend(map(f, view[start:start + CHUNK]))
        frame += marshal.dumps(answers, 2)


def unpack():
    frame, answers = bytearray(b"\0\0\0\0RK"), []
    for start in _starts():
        answers.clear()
        answers.extend(map(f, _UNPACK.unpack_from(_PAYLOAD, 5 + 8 * start)))
        frame += marshal.dumps(answers, 2)


def prealloc():
    view, at, answers = _view(), 6, []
    for start in _starts():
        answers.clear()
        answers.extend(map(f, view[start:start + CHUNK]))
        data = marshal.dumps(answers, 2)
        _FRAME[at:at + len(data)] = data
        at += len(data)


def listcomp():
    frame = bytearray(b"\0\0\0\0RK")
    for start in _starts():
        frame += marshal.dumps([f(v) for v in _UNPACK.unpack_from(_PAYLOAD, 5 + 8 * start)], 2)


def append():
    view, frame = _view(), bytearray(b"\0\0\0\0RK")
    for start in _starts():
        answers = []
        add = answers.append
        for value in view[start:start + CHUNK]:
            add(f(value))
        frame += marshal.dumps(answers, 2)


def struct_pack():
    for start in _starts():
        _UNPACK.pack_into(_FRAME, 8 * start, *map(f, _UNPACK.unpack_from(_PAYLOAD, 5 + 8 * start)))


_FORMS = {"loop": loop, "worker": worker, "unpack": unpack, "prealloc": prealloc, "listcomp": listcomp,
          "append": append, "struct": struct_pack}

if __name__ == "__main__":
    form = _FORMS[sys.argv[1]]
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
        form()
