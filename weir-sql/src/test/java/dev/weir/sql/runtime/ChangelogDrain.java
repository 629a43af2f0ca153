package dev.weir.sql.runtime;

import dev.weir.testing.OperatorHarness;
import dev.weir.types.Row;
import java.util.List;

/** Row-by-row operator tests' reading of a harness: the rows emitted since the last drain, as strings, and clears them. */
public final class ChangelogDrain {
    private ChangelogDrain() {
    }

    public static List<String> drain(OperatorHarness<Row> harness) {
        List<String> out = harness.extractOutputValues().stream().map(Row::toString).toList();
        harness.clearOutput();
        return out;
    }
}
