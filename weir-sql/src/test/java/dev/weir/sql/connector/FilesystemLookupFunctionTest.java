package dev.weir.sql.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.types.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem lookup: the file read once, read again at the first lookup once the ttl passed, bad lines named. */
class FilesystemLookupFunctionTest {
    @TempDir
    Path dir;

    private static RelDataType keyValue() {
        RelDataTypeFactory f = new JavaTypeFactoryImpl();
        return f.builder().add("k", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true))
                .add("v", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, 100), true)).build();
    }

    private FilesystemLookupFunction function(Path file, boolean ignoreErrors) {
        return new FilesystemLookupFunction("side", file, new LineFormat("csv", ',', ignoreErrors, null, keyValue()), "csv",
                new int[] {0}, 10_000);
    }

    private static Row key(long k) {
        return Row.of(k);
    }

    @Test
    void theFileIsReadOnceAndAgainAtTheFirstLookupAfterTheTtl() throws Exception {
        Path file = Files.write(dir.resolve("side.csv"), List.of("1,a", "2,b"));
        FilesystemLookupFunction lookup = function(file, false);
        lookup.open();

        assertThat(lookup.lookup(key(1), 5_000)).extracting(Object::toString).containsExactly("+I[1, a]");
        Files.write(file, List.of("1,changed", "3,c"));
        assertThat(lookup.lookup(key(1), 14_999)).extracting(Object::toString).containsExactly("+I[1, a]");
        assertThat(lookup.lookup(key(3), 14_999)).isEmpty();
        assertThat(lookup.loads()).isEqualTo(1);

        assertThat(lookup.lookup(key(1), 15_000)).extracting(Object::toString).containsExactly("+I[1, changed]");
        assertThat(lookup.lookup(key(3), 15_001)).extracting(Object::toString).containsExactly("+I[3, c]");
        assertThat(lookup.loads()).isEqualTo(2);
        lookup.close();
    }

    @Test
    void aLineThatDoesNotParseFailsTheLookupNamingFileAndLine() throws Exception {
        Path file = Files.write(dir.resolve("side.csv"), List.of("1,a", "x,b"));
        FilesystemLookupFunction lookup = function(file, false);
        lookup.open();

        assertThatThrownBy(() -> lookup.lookup(key(1), 0)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Lookup table 'side' cannot parse line 2 of " + file + ": ")
                .hasMessageEndingWith("; fix the line, or set 'csv.ignore-parse-errors' = 'true' to skip such lines");
    }

    @Test
    void withIgnoreParseErrorsABadLineIsSkipped() throws Exception {
        Path file = Files.write(dir.resolve("side.csv"), List.of("x,b", "1,a"));
        FilesystemLookupFunction lookup = function(file, true);
        lookup.open();

        assertThat(lookup.lookup(key(1), 0)).extracting(Object::toString).containsExactly("+I[1, a]");
    }

    @Test
    void aMissingFileFailsTheLookupNamingThePath() throws Exception {
        FilesystemLookupFunction lookup = function(dir.resolve("none.csv"), false);
        lookup.open();

        assertThatThrownBy(() -> lookup.lookup(key(1), 0)).isInstanceOf(IOException.class).hasMessage("Lookup table 'side' reads '"
                + dir.resolve("none.csv") + "', which does not exist; write the file before the job looks keys up, or fix the "
                + "table's 'path'");
    }
}
