"""Length-prefixed frames on a socket: a 4-byte big-endian length, then the payload."""
import select
from collections import deque
import socket
import struct

_LENGTH = struct.Struct(">i")
#: The most a worker reads ahead at a time while its reply waits for room in the socket.
_READ_AHEAD = 1 << 20


def read_frame(sock):
    """The next frame's payload, or None at the end of the connection."""
    header = _read_exactly(sock, 4)
    if header is None:
        return None
    payload = _read_exactly(sock, _LENGTH.unpack(header)[0])
    if payload is None:
        raise ConnectionError("the connection closed in the middle of a frame")
    return payload


def write_frame(sock, payload):
    sock.sendall(_LENGTH.pack(len(payload)) + payload)


def new_frame(prefix=b""):
    """A frame to encode into: room for the length, then ``prefix``; send it with ``send_frame``."""
    frame = bytearray(4)
    frame += prefix
    return frame


def send_frame(sock, frame):
    """Sends a frame made by ``new_frame``, writing its length first: the payload is never copied."""
    _LENGTH.pack_into(frame, 0, len(frame) - 4)
    sock.sendall(frame)


def _read_exactly(sock, size):
    buffer = bytearray(size)
    view = memoryview(buffer)
    received = 0
    while received < size:
        count = sock.recv_into(view[received:], size - received)
        if count == 0:
            return None
        received += count
    return buffer


class ReadAheadConnection:
    """A worker's connection to a JVM operator that sends its next bundle before it reads the last one's answers, so
    that the worker finds its next bundle waiting when it finishes one. A reply the socket has no room for waits while
    the worker works on the next bundle (``pump`` sends more of it between chunks of records) or waits for its next
    frame (reading it as it comes): the worker never blocks on a write, so neither side waits for the other to read,
    whatever the frames' sizes and the sockets' buffers."""

    def __init__(self, sock):
        self._sock = sock
        #: Bytes read ahead of the next frame.
        self._ahead = bytearray()
        #: What is left to send of the replies so far (at most two: the JVM reads one before it sends a bundle more).
        self._unsent = deque()
        #: Whether the JVM closed the connection while a reply was on its way (it needs no more replies).
        self._closed = False

    def read_frame(self):
        """The next frame's payload, or None at the end of the connection. While the last reply is not all sent, it
        sends more of it whenever the socket has room, and returns as soon as the next frame is in. It reads the frame's
        length, then the payload straight into the buffer it returns: a bundle is copied once, from the socket (reading
        ahead into a buffer of its own and slicing the payload out of it copied each bundle twice more, 16 bytes a
        record of ints)."""
        ahead = self._ahead
        if not self._unsent and not ahead:
            return read_frame(self._sock)
        sock = self._sock
        while len(ahead) < 4:
            chunk = self._readable() and self._receive_some(4 - len(ahead))
            if not chunk:
                if ahead:
                    raise ConnectionError("the connection closed in the middle of a frame")
                return None
            ahead += chunk
        size = _LENGTH.unpack_from(ahead)[0]
        payload = bytearray(size)
        have = min(size, len(ahead) - 4)  # bytes read ahead by write_frame
        payload[:have] = ahead[4:4 + have]
        del ahead[:4 + have]
        view = memoryview(payload)
        while have < size:
            if not self._readable():
                return None
            try:
                count = sock.recv_into(view[have:], size - have)
            except ConnectionError:
                count = 0
            if count == 0:
                raise ConnectionError("the connection closed in the middle of a frame")
            have += count
        return payload

    def _receive_some(self, size):
        """At most ``size`` bytes the socket holds (waiting for one); empty at the end of the connection."""
        try:
            return self._sock.recv(size)
        except ConnectionError:
            return b""

    def _readable(self):
        """Waits until the socket has bytes to read, sending more of the replies not sent yet meanwhile; False when the
        JVM closed the connection while a reply was on its way."""
        sock = self._sock
        while self._unsent:
            readable, writable, _ = select.select([sock], [sock], [])
            if writable:
                self.pump()
            if readable:
                return True
        return not self._closed

    def send_frame(self, frame):
        """Sends what the socket takes now of a frame made by ``new_frame``; the rest goes with ``pump`` or while the
        worker waits for its next frame."""
        _LENGTH.pack_into(frame, 0, len(frame) - 4)
        self._unsent.append(memoryview(frame))
        self.pump()

    def pump(self):
        """Sends what the socket takes now of the replies not sent yet, without waiting."""
        unsent = self._unsent
        while unsent:
            try:
                sent = self._sock.send(unsent[0], socket.MSG_DONTWAIT)
            except BlockingIOError:
                return
            except ConnectionError:
                unsent.clear()
                self._closed = True
                return
            if sent < len(unsent[0]):
                unsent[0] = unsent[0][sent:]
                return
            unsent.popleft()

    def write_frame(self, payload):
        """Sends a frame whole (after the replies not sent yet) before it returns."""
        self._unsent.append(memoryview(_LENGTH.pack(len(payload)) + payload))
        sock = self._sock
        while self._unsent:
            self.pump()
            if self._unsent:
                readable, _, _ = select.select([sock], [sock], [])
                if readable and not self._receive():
                    self._unsent.clear()
                    self._closed = True
                    return

    def drain(self):
        """Reads and drops everything the JVM sends until it closes the connection: after a worker's error, so that a
        JVM writing its next bundle gets to read the error."""
        self._ahead.clear()
        try:
            while self._sock.recv(_READ_AHEAD):
                pass
        except ConnectionError:
            pass

    def _receive(self):
        """Reads what the socket holds (waiting for something) into the bytes read ahead; False at the end of the
        connection."""
        try:
            chunk = self._sock.recv(_READ_AHEAD)
        except ConnectionError:
            return False
        self._ahead += chunk
        return bool(chunk)
