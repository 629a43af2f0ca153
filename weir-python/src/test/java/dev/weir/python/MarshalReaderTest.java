package dev.weir.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes below are what CPython 3.11 writes for the commented values with {@code marshal.dumps(value, 2)}. */
class MarshalReaderTest {
    private final MarshalReader reader = new MarshalReader();

    @Test
    void readsEveryPlainValueIntoTheJavaTypesTaggedValuesBecome() {
        // [None, True, False, 7, -2**31, 2**40, -2**63, 2**63-1, 1.5, 'héllo ✓', b'xy', (1, 'a'), [2, 3.0], {'k': [1, None]}]
        byte[] data = bytes("5b0e0000004e5446690700000069000000806c030000000000000000046cfbffffff000000000000000008006c05"
                + "000000ff7fff7fff7fff7f070067000000000000f83f750a00000068c3a96c6c6f20e29c9373020000007879280200000069"
                + "010000007501000000615b0200000069020000006700000000000008407b75010000006b5b0200000069010000004e30");
        List<Object> out = new ArrayList<>();
        assertThat(reader.readLists(data, 0, data.length, out)).isTrue();
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("k", Arrays.asList(1L, null));
        assertThat(out).hasSize(14);
        assertThat(out.subList(0, 10)).containsExactly(null, true, false, 7L, -(1L << 31), 1L << 40, Long.MIN_VALUE,
                Long.MAX_VALUE, 1.5, "héllo ✓");
        assertThat((byte[]) out.get(10)).containsExactly('x', 'y');
        assertThat(out.get(11)).isEqualTo(Tuple2.of(1L, "a"));
        assertThat(out.get(12)).isEqualTo(List.of(2L, 3.0));
        assertThat(out.get(13)).isEqualTo(dict);
    }

    @Test
    void readsTheListsOfSeveralChunksOneAfterAnother() {
        byte[] data = bytes("5b0200000069050000006906000000" + "5b010000006c0500000000000000000000000400"); // [5, 6] [2**62]
        List<Object> out = new ArrayList<>(List.of("kept"));
        assertThat(reader.readLists(data, 0, data.length, out)).isTrue();
        assertThat(out).containsExactly("kept", 5L, 6L, 1L << 62);
    }

    @Test
    void readsListsOfIntsUnboxed() {
        byte[] data = bytes("5b0200000069050000006906000000" + "5b010000006c0500000000000000000000000400");
        BundleAnswers answers = new BundleAnswers();
        assertThat(reader.readLongs(data, 0, data.length, answers)).isTrue();
        assertThat(answers.size()).isEqualTo(3);
        assertThat(new long[] {answers.getLong(0), answers.getLong(1), answers.getLong(2)}).containsExactly(5, 6, 1L << 62);
        assertThat(answers.get(2)).isEqualTo(1L << 62);
    }

    @Test
    void aListWithAnythingButIntsIsNotReadAsLongs() {
        byte[] data = bytes("5b0200000069050000004e"); // [5, None]
        assertThat(reader.readLongs(data, 0, data.length, new BundleAnswers())).isFalse();
    }

    @Test
    void refusesValuesThatDoNotCrossLeavingTheOutputAsItWas() {
        for (String hex : List.of(
                "5b010000003c010000006901000000", // [{1}]: a set
                "5b010000006c0500000000000000000000001000", // [2**64]
                "5b010000006cfbffffff01000000000000000800", // [-2**63 - 1]
                "5b010000007503000000eda080", // ['\ud800']: a lone surrogate
                "5b0200000069050000", // cut short
                "5bffffff7f6905000000")) { // a count of 2**31 - 1 ints in five bytes
            byte[] data = bytes(hex);
            List<Object> out = new ArrayList<>(List.of("kept"));
            assertThat(reader.readLists(data, 0, data.length, out)).as(hex).isFalse();
            assertThat(out).as(hex).containsExactly("kept");
            assertThat(reader.readLongs(data, 0, data.length, new BundleAnswers())).as(hex).isFalse();
        }
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
