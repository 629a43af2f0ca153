"""A worker's connection to a JVM operator that sends its next bundle before it reads the last answers: with frames far
larger than the sockets' buffers in both directions, neither side waits for ever, and every frame arrives whole and in
order (no JVM: the test plays the JVM's part on the other end of a socket pair)."""
import socket
import struct
import threading
import time
import unittest

from weir._internal.frames import ReadAheadConnection, new_frame, read_frame

FRAME = 4 << 20  # far larger than a socket's buffer
BUNDLES = 4


def _frame(tag, size):
    return bytes([tag]) * size


class ReadAheadConnectionTest(unittest.TestCase):
    def setUp(self):
        self.jvm, worker = socket.socketpair()
        self.worker = ReadAheadConnection(worker)
        self.addCleanup(self.jvm.close)
        self.addCleanup(worker.close)

    def _play_jvm(self, replies):
        """Sends every bundle before it reads the answers to the one before (two in flight), as PythonStage does."""
        def run():
            for i in range(BUNDLES):
                self.jvm.sendall(struct.pack(">i", FRAME) + _frame(i, FRAME))
                if i >= 1:
                    replies.append(read_frame(self.jvm))
            replies.append(read_frame(self.jvm))
            self.jvm.shutdown(socket.SHUT_WR)
        jvm = threading.Thread(target=run, daemon=True)
        jvm.start()
        return jvm

    def test_bundles_and_replies_larger_than_the_sockets_buffers_cross_whole_and_in_order(self):
        replies = []
        jvm = self._play_jvm(replies)
        bundles = []
        while True:
            payload = self.worker.read_frame()
            if payload is None:
                break
            bundles.append(payload)
            reply = new_frame()
            reply += _frame(100 + payload[0], FRAME)
            self.worker.send_frame(reply)
            self.worker.pump()
        jvm.join(timeout=120)
        self.assertFalse(jvm.is_alive(), "the JVM's side waited for ever")
        self.assertEqual(bundles, [_frame(i, FRAME) for i in range(BUNDLES)])
        self.assertEqual(replies, [_frame(100 + i, FRAME) for i in range(BUNDLES)])

    def test_an_error_frame_reaches_a_jvm_that_is_writing_its_next_bundle(self):
        def run():
            self.jvm.sendall(struct.pack(">i", FRAME) + _frame(1, FRAME))
            self.jvm.sendall(struct.pack(">i", FRAME) + _frame(2, FRAME))  # the worker stopped before reading it
            errors.append(read_frame(self.jvm))
            self.jvm.close()
        errors = []
        jvm = threading.Thread(target=run, daemon=True)
        jvm.start()
        self.assertEqual(self.worker.read_frame(), _frame(1, FRAME))
        self.worker.write_frame(b"E" + b"x" * FRAME)
        self.worker.drain()
        jvm.join(timeout=120)
        self.assertFalse(jvm.is_alive(), "the JVM's side waited for ever")
        self.assertEqual(errors, [b"E" + b"x" * FRAME])

    def test_the_end_of_the_connection_while_a_reply_waits_ends_the_worker_quietly(self):
        self.jvm.sendall(struct.pack(">i", 3) + b"abc")
        self.assertEqual(self.worker.read_frame(), b"abc")
        reply = new_frame()
        reply += _frame(7, FRAME)
        self.worker.send_frame(reply)  # more than the socket takes: the rest waits
        self.jvm.close()
        self.assertIsNone(self.worker.read_frame())

    def test_a_frame_whose_length_arrives_in_pieces_while_a_reply_waits_arrives_whole(self):
        reply = new_frame()
        reply += _frame(7, FRAME)
        self.worker.send_frame(reply)  # more than the socket takes: the rest waits while the worker reads
        replies = []

        def run():
            header = struct.pack(">i", 5)
            for piece in (header[:1], header[1:3], header[3:], b"ab", b"cde"):
                self.jvm.sendall(piece)
                time.sleep(0.01)
            replies.append(read_frame(self.jvm))
        jvm = threading.Thread(target=run, daemon=True)
        jvm.start()
        self.assertEqual(self.worker.read_frame(), b"abcde")
        while jvm.is_alive() and not replies:
            self.worker.pump()
            jvm.join(timeout=0.01)
        jvm.join(timeout=120)
        self.assertEqual(replies, [_frame(7, FRAME)])


if __name__ == "__main__":
    unittest.main()
