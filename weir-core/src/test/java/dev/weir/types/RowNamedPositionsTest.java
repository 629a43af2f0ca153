package dev.weir.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** Rows the framework makes have named positions, as Flink's: read and set by position and by name, equal to Row.of. */
class RowNamedPositionsTest {
    private static LinkedHashMap<String, Integer> positions() {
        LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
        positions.put("name", 0);
        positions.put("score", 1);
        return positions;
    }

    @Test
    void aRowWithNamedPositionsIsReadAndSetByNameAndByPosition() {
        Row row = RowUtils.createRowWithNamedPositions(RowKind.UPDATE_AFTER, new Object[] {"Alice", 12}, positions());
        assertThat(row.<String>getFieldAs("name")).isEqualTo("Alice");
        assertThat(row.<Integer>getFieldAs(1)).isEqualTo(12);
        row.setField("score", 13);
        assertThat(row.getField(1)).isEqualTo(13);
        assertThat(row.getFieldNames(true)).containsExactly("name", "score");
        assertThat(row.getFieldNames(false)).isNull();
        assertThat(row.toString()).isEqualTo("+U[Alice, 13]");
        assertThat(row).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 13));
        assertThat(row.hashCode()).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 13).hashCode());
        assertThatThrownBy(() -> row.getField("age")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown field name 'age' for mapping to a row position. Available names are: [name, score]");
    }

    @Test
    void copyKeepsTheNamesAndProjectJoinAndProjectByNameMakeRowsOfTheirOwnMode() {
        Row row = RowUtils.createRowWithNamedPositions(RowKind.INSERT, new Object[] {"Alice", 12}, positions());
        Row copy = Row.copy(row);
        copy.setField("name", "Bob");
        assertThat(row.<String>getFieldAs("name")).isEqualTo("Alice");
        assertThat(copy.<String>getFieldAs("name")).isEqualTo("Bob");
        assertThat(Row.project(row, new int[] {1})).isEqualTo(Row.of(12));
        assertThat(Row.project(row, new String[] {"score"}).toString()).isEqualTo("+I{score=12}");
        assertThat(Row.join(row, Row.of(true))).isEqualTo(Row.of("Alice", 12, true));
        Row named = Row.withNames();
        named.setField("a", 1);
        assertThat(named.getFieldNames(true)).containsExactly("a");
        assertThat(Row.of(1).getFieldNames(true)).isNull();
    }
}
