package dev.weir.sql.connector;

import dev.weir.types.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks rows of a {@code filesystem} table up by key, as Flink's filesystem lookup source does: the whole table (the
 * file, or every file of the directory) is read into a map by key on the first lookup, so the memory it takes is
 * bounded by the files' size, and read again on the first lookup after {@code lookup.join.cache.ttl} (Flink's option,
 * 60 min by default) of the task's processing time. A line that does not parse fails the lookup, naming the file and
 * line, unless the format ignores parse errors.
 */
final class FilesystemLookupFunction implements LookupFunction {
    private static final long serialVersionUID = 1L;

    private final String table;
    /** The path as text: a Path is not serializable, and each subtask gets its own copy of the function. */
    private final String path;
    private final LineFormat format;
    private final String formatName;
    private final int[] keyColumns;
    private final long ttlMillis;
    private transient Map<Row, List<Row>> rowsByKey;
    private transient long nextLoad;
    private transient int loads;

    FilesystemLookupFunction(String table, Path path, LineFormat format, String formatName, int[] keyColumns, long ttlMillis) {
        this.table = table;
        this.path = path.toString();
        this.format = format;
        this.formatName = formatName;
        this.keyColumns = keyColumns.clone();
        this.ttlMillis = ttlMillis;
    }

    @Override
    public void open() {
        rowsByKey = null;
        loads = 0;
    }

    @Override
    public List<Row> lookup(Row key) throws IOException {
        return lookup(key, 0);
    }

    @Override
    public List<Row> lookup(Row key, long now) throws IOException {
        if (rowsByKey == null || now >= nextLoad) {
            rowsByKey = load();
            nextLoad = now + ttlMillis;
            loads++;
        }
        List<Row> rows = rowsByKey.get(key);
        return rows == null ? List.of() : rows;
    }

    /** How many times the table was read (tests). */
    int loads() {
        return loads;
    }

    private Map<Row, List<Row>> load() throws IOException {
        Map<Row, List<Row>> rows = new HashMap<>();
        for (Path file : files()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty()) {
                    continue;
                }
                Row row;
                try {
                    row = format.parse(line);
                } catch (RuntimeException e) {
                    throw new IOException("Lookup table '" + table + "' cannot parse line " + (i + 1) + " of " + file + ": "
                            + e.getMessage() + "; fix the line, or set '" + formatName + ".ignore-parse-errors' = 'true' "
                            + "to skip such lines", e);
                }
                if (row == null) {
                    continue;
                }
                Row key = new Row(keyColumns.length);
                for (int k = 0; k < keyColumns.length; k++) {
                    key.setField(k, row.getField(keyColumns[k]));
                }
                rows.computeIfAbsent(key, unused -> new ArrayList<>(1)).add(row);
            }
        }
        return rows;
    }

    private List<Path> files() throws IOException {
        Path path = Path.of(this.path);
        if (!Files.exists(path)) {
            throw new IOException("Lookup table '" + table + "' reads '" + path + "', which does not exist; write the file "
                    + "before the job looks keys up, or fix the table's 'path'");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")
                    && !f.getFileName().toString().startsWith("_")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        rowsByKey = null;
    }
}
