"""Length-prefixed frames on a socket: a 4-byte big-endian length, then the payload."""
import struct

_LENGTH = struct.Struct(">i")


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
