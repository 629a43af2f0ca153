package dev.weir.sqlcompat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of weir-examples' Nexmark scripts ({@code nexmark/qN.sql}, after the shared {@code nexmark/ddl.sql}), taken apart
 * for a differential run: its DDL with
 * the source bounded to a given number of events, and the query its INSERT writes (to be collected instead).
 */
record NexmarkQueryFile(String name, List<String> ddl, String query) {
    static final Path DIR = Path.of("..", "weir-examples", "src", "main", "resources", "nexmark");

    /** Reads {@code name}.sql; {@code events} and {@code rate} replace the source's 'events.num' and event rates. */
    static NexmarkQueryFile read(String name, long events, long rate) throws IOException {
        String text = Files.readString(DIR.resolve("ddl.sql")) + "\n" + Files.readString(DIR.resolve(name + ".sql"));
        List<String> ddl = new ArrayList<>();
        String query = null;
        for (String statement : statements(text)) {
            String upper = statement.toUpperCase();
            if (upper.startsWith("SET ")) {
                continue;
            }
            if (upper.startsWith("INSERT INTO")) {
                query = statement.substring(statement.indexOf('\n') + 1);
            } else if (upper.startsWith("CREATE TABLE NEXMARK_")) {
                continue;
            } else {
                ddl.add(statement
                        .replaceAll("'events\\.num' = '\\d+'", "'events.num' = '" + events + "'")
                        .replaceAll("'(first|next)-event\\.rate' = '\\d+'", "'$1-event.rate' = '" + rate + "'"));
            }
        }
        if (query == null) {
            throw new IllegalStateException(name + ".sql has no INSERT INTO statement");
        }
        return new NexmarkQueryFile(name, ddl, query);
    }

    /** The script's statements: text up to each ';' at a line's end, comment lines dropped. */
    private static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                String s = current.toString().trim();
                statements.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }
}
