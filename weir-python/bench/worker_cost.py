"""The Python worker's own cost per record for map(f), without a JVM: the worker (weir._internal.worker.serve) is
forked on a socket pair and this process plays the JVM's side, sending bundles of packed ints with two in flight, as
PythonStage does. Prints the worker's CPU per record from its rusage.

    ./weir python weir-python/bench/worker_cost.py [records]

Under load, CPU time swings by 10 ns a record; instructions do not. To count them, run it under callgrind with the
interpreter itself (not a shim script) and take the difference of two sizes; the worker's file is the one written
first (it exits before this process):

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p "$(python3 -c 'import sys; print(sys.executable)')" \\
        weir-python/bench/worker_cost.py 200000
"""
import array
import os
import socket
import struct
import sys

from weir._internal import worker

BUNDLE = 100_000
_LENGTH = struct.Struct(">i")


def f(x):
    return x * 2 + 1


def _bundle(first):
    payload = b"A" + struct.pack(">i", BUNDLE) + array.array("q", range(first, first + BUNDLE)).tobytes()
    return _LENGTH.pack(len(payload)) + payload


def _read_reply(sock):
    size = _LENGTH.unpack(sock.recv(4, socket.MSG_WAITALL))[0]
    received = 0
    while received < size:
        received += len(sock.recv(min(1 << 20, size - received)))


def main():
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
    bundles = max(1, records // BUNDLE)
    jvm_side, worker_side = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        jvm_side.close()
        worker.serve(worker_side, "map", f, f, "map", 0, 1)  # never returns
    worker_side.close()
    frames = [_bundle(i * BUNDLE + 1) for i in range(4)]
    jvm_side.sendall(frames[0])
    sent = 1
    for _ in range(bundles):
        if sent < bundles:
            jvm_side.sendall(frames[sent % len(frames)])
            sent += 1
        _read_reply(jvm_side)
    jvm_side.close()
    _, _, usage = os.wait4(pid, 0)
    n = bundles * BUNDLE
    print("Python worker, map(f) over %d records: %.1f ns of CPU per record (%.1f user, %.1f system); load average %.1f"
          % (n, (usage.ru_utime + usage.ru_stime) / n * 1e9, usage.ru_utime / n * 1e9, usage.ru_stime / n * 1e9,
             os.getloadavg()[0]))


if __name__ == "__main__":
    main()
