package dev.weir.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Nexmark SQL workload's script as both engines run it: weir-examples' {@code nexmark/ddl.sql} and
 * {@code nexmark/qN.sql}, with the source switched to the bench's timed copy of the {@code nexmark} connector
 * ({@value #TIMED_CONNECTOR}, the same generator plus the {@link Span}'s start) and bounded to the run's events.
 * The queries' sinks are the files' own {@code blackhole} tables.
 */
public record NexmarkSqlScript(Map<String, String> settings, List<String> ddl, String insert) {
    /** The {@code 'connector'} both engines' bench source registers under. */
    public static final String TIMED_CONNECTOR = "nexmark-timed";
    /** Weir's {@code count_char} class in the scripts, which Flink's side replaces with its own. */
    public static final String WEIR_COUNT_CHAR = "dev.weir.sql.connector.nexmark.CountChar";

    /** Reads workload's query with {@code events} events; the scripts are found from the repository root or a module. */
    public static NexmarkSqlScript of(Workload workload, long events) {
        Path dir = Path.of("weir-examples", "src", "main", "resources", "nexmark");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("..").resolve(dir);
        }
        try {
            String text = Files.readString(dir.resolve("ddl.sql")) + "\n"
                    + Files.readString(dir.resolve(workload.nexmarkQuery() + ".sql"));
            return parse(text, events);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Nexmark scripts of workload " + workload.number + " in "
                    + dir.toAbsolutePath() + "; run the bench from the repository root (run.sh does)", e);
        }
    }

    static NexmarkSqlScript parse(String text, long events) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> ddl = new ArrayList<>();
        String insert = null;
        StringBuilder statement = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (!line.endsWith(";")) {
                continue;
            }
            String sql = statement.substring(0, statement.lastIndexOf(";")).trim();
            statement.setLength(0);
            String upper = sql.toUpperCase();
            if (upper.startsWith("SET ")) {
                String[] kv = sql.substring(4).split("=", 2);
                settings.put(unquote(kv[0]), unquote(kv[1]));
            } else if (upper.startsWith("INSERT ")) {
                insert = sql;
            } else {
                ddl.add(sql.replace("'connector' = 'nexmark'", "'connector' = '" + TIMED_CONNECTOR + "'")
                        .replaceAll("'events\\.num' = '\\d+'", "'events.num' = '" + events + "'"));
            }
        }
        if (insert == null) {
            throw new IllegalArgumentException("The Nexmark script has no INSERT statement");
        }
        return new NexmarkSqlScript(settings, ddl, insert);
    }

    private static String unquote(String text) {
        String t = text.trim();
        return t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
    }
}
