"""A forked Python worker: runs one operator subtask's Python function on the records its JVM operator sends."""
import ctypes
import marshal
import os
import pickle
import struct
import sys
import traceback
from functools import partial
from itertools import repeat
from time import perf_counter_ns

from weir._internal import codec
from weir._internal.bundle_reply import BundleReply
from weir._internal.keyed_bundle import KeyedBundle
from weir._internal.frames import ReadAheadConnection, read_frame, write_frame
from weir._internal import timeline
from weir.datastream.output_tag import OutputTag
from weir.errors import StateUnavailableError
from weir.datastream.functions import (BroadcastProcessFunction, Function, ProcessWindowFunction, RuntimeContext,
                                       TimerService, _BroadcastContext, _Context, _WindowContext)
from weir.datastream.window import CountWindow, GlobalWindow, TimeWindow

_NO_TIMESTAMP = -(1 << 63)
#: The JVM's request to send the last reply again as tagged values (it read a marshalled value it does not take);
#: followed by _ONE_BACK, the reply before the last (the JVM had sent the next bundle already).
_TAGGED_PLEASE = b"?"
_ONE_BACK = b"\x01"
_PACKED_INTS = 0x41  # 'A'
_MARSHALLED = 0x4B  # 'K'
_COUNT = struct.Struct(">i")
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def keep_freed_memory():
    """Keeps the memory of freed frames in the worker's heap for the next bundle. By default glibc maps a block of
    128 KiB or more (a bundle's frame, its reply) afresh and unmaps it when it is freed, or trims the heap's top, so
    every bundle faulted its pages in again: 2.7 page faults per 1,000 records and 7-10 ns of system CPU a record in
    bench/worker_cost.py, against 0.4 and 2.5-3 with these limits. A no-op where the C library has no mallopt."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
        mallopt(_M_MMAP_THRESHOLD, 32 << 20)
        mallopt(_M_TRIM_THRESHOLD, 64 << 20)
    except (AttributeError, OSError, TypeError):
        pass


def serve(conn, kind, function, original, name, subtask, parallelism):
    """Answers the JVM's requests until it closes the connection; never returns (the worker is a forked child)."""
    status = 0
    keep_freed_memory()
    connection = ReadAheadConnection(conn)
    if timeline.ENABLED:
        connection = timeline.TimedConnection(connection, timeline.Timeline(
            "the worker of %s (subtask %d of %d)" % (name, subtask + 1, parallelism)))
    try:
        if isinstance(original, Function):
            original.open(RuntimeContext(name, subtask, parallelism))
        if kind == "keyed_reduce":
            function = KeyedReduce(function)
        # The JVM sends a bundle before it reads the answers to the one before, so it may ask for either of the last
        # two replies again.
        last = previous = None
        while True:
            payload = connection.read_frame()
            if payload is None:
                break
            tagged_please = payload[:1] == _TAGGED_PLEASE
            if tagged_please:
                bundle = previous if payload[1:] == _ONE_BACK else last
            else:
                previous = last
                bundle = last = BundleReply(_records(payload))
            try:
                if timeline.ENABLED:
                    started = perf_counter_ns()
                reply = bundle.tagged_reply() if tagged_please else bundle.reply(_answer, kind, function, connection.pump)
                if timeline.ENABLED:
                    connection.timeline.add("answer", perf_counter_ns() - started)
            except Exception as e:
                inputs = bundle.inputs
                value = inputs[min(bundle.done, len(inputs) - 1)]
                if kind == "reduce":
                    record = "records %r and %r" % tuple(value)
                elif kind == "keyed_reduce":
                    # The reduce itself failed, or an answer cannot cross (value[1] is the record whose answer it is).
                    record = "records %r and %r" % function.failed_on if function.failed_on else "record %r" % (value[1],)
                elif kind == "aggregate":
                    record = "record %r" % (value[1],) if value[0] == "add" else "call %s(...)" % _AGGREGATE_CALLS[value[0]]
                elif kind.startswith("co_"):
                    record = "record %r of input %d" % (value[1], value[0])
                else:
                    record = "record %r" % (value,)
                connection.write_frame(b"E" + _describe(e, name, subtask, parallelism, record).encode("utf-8"))
                connection.drain()
                status = 1
                break
            connection.send_frame(reply)
        if isinstance(original, Function):
            original.close()
        if timeline.ENABLED:
            connection.timeline.report()
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _records(payload):
    """A bundle's records: a packed array of ints is read in place, without a list of it; a marshalled list (the
    JVM's MarshalWriter) is read by marshal, in C."""
    if payload[0] == _PACKED_INTS and not codec.SWAP:
        return memoryview(payload)[5:5 + 8 * _COUNT.unpack_from(payload, 1)[0]].cast("q")
    if payload[0] == _MARSHALLED:
        return marshal.loads(memoryview(payload)[1:])
    return codec.decode(payload)[0]


def _answer(kind, function, inputs, answers):
    """Appends the answer to each input to ``answers``, one by one, in a loop that runs in C where the kind allows."""
    if kind == "map" or kind == "key_by" or kind == "keyed_reduce":
        answers.extend(map(function, inputs))
    elif kind == "filter":
        answers.extend(map(_KEEP.__getitem__, map(bool, map(function, inputs))))
    elif kind == "timestamp":
        answers.extend(map(_timestamp, map(function, inputs, repeat(_NO_TIMESTAMP)), inputs))
    else:
        answers.extend(map(partial(_apply, kind, function), inputs))


_KEEP = {False: 0, True: 1}


class KeyedReduce:
    """A keyed reduce over one bundle of the JVM's BundledKeyedReduceOperator: each request is ``[key number, value]``,
    the first of its key in the bundle ``[key number, value, the key's reduced value before the bundle or None]``;
    answers the key's running value after each record. The JVM writes each key's last answer back to its keyed
    state, so nothing here outlives the bundle."""

    def __init__(self, reduce):
        self._reduce = reduce
        self._running = {}
        #: The key's reduced value and the record the reduce failed on, or None.
        self.failed_on = None

    def __call__(self, request):
        if len(request) == 3:
            key, value, before = request
            if before is None:
                self._running[key] = value
                return value
        else:
            key, value = request
            before = self._running[key]
        try:
            after = self._running[key] = self._reduce(before, value)
        except Exception:
            self.failed_on = (before, value)
            raise
        return after


def _timestamp(timestamp, value):
    if type(timestamp) is not int:
        raise TypeError("the timestamp assigner returned %r; it must return the event time in epoch "
                        "milliseconds as an int" % (timestamp,))
    return timestamp


def _apply(kind, function, value):
    if kind == "flat_map":
        result = function(value)
        return [] if result is None else list(result)
    if kind == "reduce":
        return [function(value[0], value[1])]
    if kind == "co_map":
        return [function.map1(value[1]) if value[0] == 1 else function.map2(value[1])]
    if kind == "aggregate":
        return _aggregate(function, value)
    if kind == "co_flat_map":
        result = function.flat_map1(value[1]) if value[0] == 1 else function.flat_map2(value[1])
        return [] if result is None else list(result)
    raise ValueError("unknown Python operator kind %r" % kind)


_AGGREGATE_CALLS = {"create": "create_accumulator", "add": "add", "result": "get_result", "merge": "merge"}


def _aggregate(function, request):
    """One call of a window's AggregateFunction; the accumulator crosses pickled, so it may be any Python value."""
    call = request[0]
    if call == "add":
        return pickle.dumps(function.add(request[1], pickle.loads(request[2])), pickle.HIGHEST_PROTOCOL)
    if call == "create":
        return pickle.dumps(function.create_accumulator(), pickle.HIGHEST_PROTOCOL)
    if call == "result":
        return function.get_result(pickle.loads(request[1]))
    return pickle.dumps(function.merge(pickle.loads(request[1]), pickle.loads(request[2])), pickle.HIGHEST_PROTOCOL)


def _describe(error, name, subtask, parallelism, record):
    """The operator, the record and the traceback of the user's code (weir's own frames left out)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR)]
    where = " (subtask %d of %d)" % (subtask + 1, parallelism) if subtask >= 0 else ""
    lines = ["The Python function of %s%s failed on the %s:" % (name, where, record)]
    if frames:
        lines.append("Traceback (most recent call last):")
        lines.append("".join(traceback.format_list(frames)).rstrip("\n"))
    lines.append("".join(traceback.format_exception_only(type(error), error)).rstrip("\n"))
    return "\n".join(lines)


def _marshalled(message):
    """``message`` in marshal's format, read by the JVM's MarshalReader, or as tagged values where marshal has no form
    for a value (a Row)."""
    try:
        return b"K" + marshal.dumps(message, 2)
    except ValueError:
        return codec.encode(message, bytearray())


class _Channel:
    """The worker's side of a process function's conversation: one request, one answer; during a bundle of keyed
    records, its ``bundle`` serves what it can and asks for the rest."""

    def __init__(self, conn):
        self._conn = conn
        self.bundle = None
        #: The states declared with a time to live.
        self.ttl_names = set()

    def request(self, kind, *args):
        if kind == "state_ttl":
            self.ttl_names.add(args[0])
        if self.bundle is not None:
            return self.bundle.request(kind, args)
        return self.ask(kind, *args)

    def ask(self, kind, *args):
        self._send([kind] + list(args))
        return self._answer(self._receive())

    def _send(self, message):
        write_frame(self._conn, bytes(codec.encode(message, bytearray())))

    def _receive(self):
        payload = read_frame(self._conn)
        if payload is None:
            raise ConnectionError("Weir's JVM closed the connection")
        return codec.decode(payload)[0]

    @staticmethod
    def _answer(answer):
        if answer[0] == "refused":
            raise StateUnavailableError(answer[1])
        return answer[1] if len(answer) > 1 else None

    def visit_keys(self, name, family, visit):
        """Asks Weir to visit every key of the keyed state ``name`` (of ``family``: value, list or map): for each, the
        JVM sends ``["apply_key", key]`` with that key current, serves ``visit(key)``'s state requests and waits for
        ``["applied"]``; then it answers the request."""
        self._send(["apply_to_keyed_state", name, family])
        while True:
            message = self._receive()
            if message[0] != "apply_key":
                return self._answer(message)
            visit(message[1])
            self._send(["applied"])


def serve_process(conn, function, name, subtask, parallelism):
    """Answers elements, timers and window firings of a process function, a (Keyed)CoProcessFunction or a window
    function; never returns (the worker is a forked child)."""
    status = 0
    keep_freed_memory()
    try:
        channel = _Channel(conn)
        timers = TimerService(channel)
        ctx = _Context(timers)
        broadcast_ctx = None
        if isinstance(function, BroadcastProcessFunction):
            # Elements and timers see the broadcast state read-only; broadcast records may change it.
            ctx = _BroadcastContext(timers, channel, False)
            broadcast_ctx = _BroadcastContext(timers, channel, True)
        runtime_context = RuntimeContext(name, subtask, parallelism, channel)
        window_ctx = _WindowContext(runtime_context)
        bundle = KeyedBundle(channel.ask, channel.ttl_names)
        done = None
        function.open(runtime_context)
        while True:
            payload = read_frame(conn)
            if payload is None:
                break
            if payload[0] == _MARSHALLED:
                message = marshal.loads(memoryview(payload)[1:])
            elif payload == _TAGGED_PLEASE:  # the last bundle's reply held a value the JVM takes only tagged
                message = ["tagged", done]
            else:
                message = codec.decode(payload)[0]
            kind = message[0]
            if kind == "bundle" or kind == "tagged":
                record = "outputs of a bundle"
                try:
                    if kind == "bundle":
                        channel.bundle = bundle
                        record = None
                        done = bundle.process(message, function, ctx, timers)
                        record = "outputs of a bundle"
                        reply = _marshalled(done)
                    else:
                        reply = codec.encode(done, bytearray())
                except Exception as e:
                    error = _describe(e, name, subtask, parallelism, record or "record %r" % (bundle.record,))
                    write_frame(conn, bytes(codec.encode(["error", error], bytearray())))
                    status = 1
                    break
                finally:
                    channel.bundle = None
                write_frame(conn, bytes(reply))
                continue
            if kind == "window" or kind == "clear":
                _, key, window, window_ctx._watermark, window_ctx._processing_time, elements = message
                window_ctx._window = GlobalWindow() if window is None else TimeWindow(window[0], window[1]) \
                    if len(window) == 2 else CountWindow(window[0])
                record = "window %r of the key %r" % (window_ctx._window, key) if kind == "window" else \
                    "clear(context) of window %r" % (window_ctx._window,)
            elif kind == "timer":
                _, timestamp, ctx._key, timers._watermark, ctx._time_domain = message
                ctx._timestamp = timestamp
                record = "timer at %d of the key %r" % (timestamp, ctx._key)
            else:
                called = broadcast_ctx if kind == "broadcast" else ctx
                _, value, called._timestamp, called._key, timers._watermark = message
                called._time_domain = None
                record = "record %r" % (value,) if kind == "element" else "broadcast record %r" % (value,) \
                    if kind == "broadcast" else "record %r of input %s" % (value, kind[-1])
            try:
                if kind == "element":
                    result = function.process_element(value, ctx)
                elif kind == "broadcast":
                    result = function.process_broadcast_element(value, broadcast_ctx)
                elif kind == "element1":
                    result = function.process_element1(value, ctx)
                elif kind == "element2":
                    result = function.process_element2(value, ctx)
                elif kind == "clear":
                    function.clear(window_ctx)
                    result = None
                elif kind == "window":
                    if isinstance(function, ProcessWindowFunction):
                        result = function.process(key, window_ctx, elements)
                    else:
                        result = function.apply(key, window_ctx._window, elements)
                else:
                    result = function.on_timer(timestamp, ctx)
                outputs = []
                side_outputs = []
                for output in (() if result is None else result):
                    if type(output) is tuple and len(output) == 2 and isinstance(output[0], OutputTag):
                        side_outputs.append([output[0].tag_id, output[1]])
                    else:
                        outputs.append(output)
                reply = codec.encode(["done", outputs, side_outputs], bytearray())
            except Exception as e:
                error = _describe(e, name, subtask, parallelism, record)
                write_frame(conn, bytes(codec.encode(["error", error], bytearray())))
                status = 1
                break
            write_frame(conn, bytes(reply))
        function.close()
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
