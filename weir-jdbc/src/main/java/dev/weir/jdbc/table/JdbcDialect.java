package dev.weir.jdbc.table;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.table.api.ValidationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL the {@code jdbc} table connector writes for one database, chosen by the URL as Flink's dialects are:
 * PostgreSQL ({@code INSERT ... ON CONFLICT (key) DO UPDATE}) and MySQL/MariaDB ({@code ON DUPLICATE KEY UPDATE}).
 * PostgreSQL identifiers are written as given (unquoted, as Flink's PostgreSQL dialect does); MySQL's in backticks.
 */
enum JdbcDialect {
    POSTGRES("", "") {
        @Override
        String upsert(String table, List<String> columns, List<String> keys) {
            String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            return insert(table, columns) + " ON CONFLICT (" + String.join(", ", keys) + ") DO "
                    + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
        }
    },
    MYSQL("`", "`") {
        @Override
        String upsert(String table, List<String> columns, List<String> keys) {
            String updates = columns.stream().map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
            return insert(table, columns) + " ON DUPLICATE KEY UPDATE " + updates;
        }
    };

    private final String open;
    private final String close;

    JdbcDialect(String open, String close) {
        this.open = open;
        this.close = close;
    }

    /** The dialect of {@code url}, or a {@link ValidationException} naming the ones Weir has. */
    static JdbcDialect of(String url, CatalogTable table) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new ValidationException("Could not find any jdbc dialect factory that can handle url '" + url + "' of table '"
                + table.name() + "'; Weir's jdbc connector speaks PostgreSQL (jdbc:postgresql:) and MySQL/MariaDB "
                + "(jdbc:mysql:, jdbc:mariadb:). For another database, write with the DataStream JdbcSink and your own statement.");
    }

    String quote(String identifier) {
        return open + identifier + close;
    }

    private String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    String insert(String table, List<String> columns) {
        return "INSERT INTO " + quote(table) + " (" + columnList(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** An insert that updates the row with the same key instead of failing. */
    abstract String upsert(String table, List<String> columns, List<String> keys);

    String delete(String table, List<String> keys) {
        return "DELETE FROM " + quote(table) + " WHERE " + keys.stream().map(k -> quote(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    String select(String table, List<String> columns) {
        return "SELECT " + columnList(columns) + " FROM " + quote(table);
    }

    /** The select of a lookup: rows whose {@code keys} equal the parameters, in order. */
    String selectWhere(String table, List<String> columns, List<String> keys) {
        return select(table, columns) + " WHERE " + keys.stream().map(k -> quote(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    /** The select of one partition: rows whose {@code column} lies between two bound parameters. */
    String selectBetween(String table, List<String> columns, String column) {
        return select(table, columns) + " WHERE " + quote(column) + " BETWEEN ? AND ?";
    }
}
