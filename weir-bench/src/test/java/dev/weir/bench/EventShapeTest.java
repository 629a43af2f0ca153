package dev.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator computes its events without a division; they must be the events the divisions gave. */
class EventShapeTest {

    /** The definition the generator had with divisions (issue 6). */
    private static Event byDivision(long j, long events, long keys, int parallelism) {
        long share = events / parallelism;
        long offset = j % share;
        long i = offset * parallelism + j / share;
        return new Event(Long.remainderUnsigned(EventShape.splitmix64(i), keys), offset, (int) (i & 0xff));
    }

    @Test
    void everyEventOfTheBenchShapesIsTheOneTheDivisionsGave() {
        long[][] shapes = {{8_000_000, 10_000, 2}, {2_000_000, 100_000, 2}, {1_000_000, 10_000, 1}, {999_999, 7, 3}};
        for (long[] shape : shapes) {
            EventShape generator = new EventShape(shape[0], shape[1], (int) shape[2]);
            for (long j = 0; j < shape[0]; j++) {
                Event expected = byDivision(j, shape[0], shape[1], (int) shape[2]);
                Event actual = generator.event(j);
                if (expected.key != actual.key || expected.timestamp != actual.timestamp || expected.value != actual.value) {
                    assertEquals(expected.toString(), actual.toString(), "event " + j + " of shape " + java.util.Arrays.toString(shape));
                }
            }
        }
    }

    @Test
    void theKeyIsTheUnsignedRemainderOfAnyHashForAnyKeyCount() {
        long[] keyCounts = {1, 2, 3, 7, 10, 1_000, 10_000, 100_000, 1 << 20, 1_000_000, 1_000_003, (1L << 32) + 1,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, 6_700_417};
        long[] edges = {0, 1, 2, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 32, (1L << 32) - 1};
        SplittableRandom random = new SplittableRandom(22);
        for (long keys : keyCounts) {
            EventShape shape = new EventShape(1, keys, 1);
            for (long hash : edges) {
                assertEquals(Long.remainderUnsigned(hash, keys), shape.keyOf(hash), "hash " + hash + " mod " + keys);
                for (long near = -2; near <= 2; near++) {
                    long h = keys * (hash & 0xffff) + near;
                    assertEquals(Long.remainderUnsigned(h, keys), shape.keyOf(h), "hash " + h + " mod " + keys);
                }
            }
            for (int n = 0; n < 200_000; n++) {
                long hash = random.nextLong();
                assertEquals(Long.remainderUnsigned(hash, keys), shape.keyOf(hash), "hash " + hash + " mod " + keys);
            }
        }
    }
}
