package dev.weir.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.types.Row;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarshalWriterTest {
    private final MarshalWriter writer = new MarshalWriter();

    @Test
    void writesTheBytesCPythonsMarshalWritesForTheSameValues() {
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("k", Arrays.asList(1L, null));
        List<Object> values = Arrays.asList(null, true, false, 7L, -(1L << 31), 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE,
                1.5, "héllo ✓", new byte[] {'x', 'y'}, Tuple2.of(1L, "a"), List.of(2L, 3.0), dict);
        assertThat(writer.write((byte) 'K', values)).isTrue();
        // marshal.dumps([None, True, False, 7, -2**31, 2**40, -2**63, 2**63-1, 1.5, 'héllo ✓', b'xy', (1, 'a'),
        // [2, 3.0], {'k': [1, None]}], 2) in CPython 3.11, after the 4 bytes left for the length and the prefix
        assertThat(HexFormat.of().formatHex(writer.buffer(), 5, writer.length())).isEqualTo(
                "5b0e0000004e5446690700000069000000806c030000000000000000046cfbffffff000000000000000008006c05"
                + "000000ff7fff7fff7fff7f070067000000000000f83f750a00000068c3a96c6c6f20e29c9373020000007879280200000069"
                + "010000007501000000615b0200000069020000006700000000000008407b75010000006b5b0200000069010000004e30");
        assertThat(writer.buffer()[4]).isEqualTo((byte) 'K');
    }

    @Test
    void aRecordMarshalHasNoFormForHereIsRefused() {
        assertThat(writer.write((byte) 'K', List.of(1L, Row.of(1L)))).isFalse();
    }
}
