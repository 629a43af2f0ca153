package dev.weir.sql.parse;

import dev.weir.table.api.ValidationException;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Flink's DDL and utility statements (CREATE TABLE with computed columns, metadata columns, WATERMARK, PRIMARY
 * KEY and WITH options; CREATE VIEW; DROP; SHOW; DESCRIBE; EXPLAIN; INSERT INTO; SET) into {@link Statement}s. It is
 * the DDL extension of Calcite's parser: expressions inside DDL (computed columns, watermarks) and every query are
 * kept as text at their exact position and planned by Calcite, so their errors carry the statement's own line and
 * column.
 */
public final class StatementParser {
    private final String sql;
    private final List<Token> tokens;
    private int at;
    /** Whether FIRST and AFTER end a column's expression (ALTER TABLE ... ADD c AS expr FIRST). */
    private boolean columnPositions;

    private StatementParser(String sql) {
        this.sql = sql;
        this.tokens = Tokenizer.tokenize(sql);
    }

    /** Parses one statement; a trailing semicolon is allowed. */
    public static Statement parse(String sql) {
        Statement function = FunctionStatementParser.tryParse(sql);
        return function != null ? function : new StatementParser(sql).statement();
    }

    private Statement statement() {
        Token first = peek();
        if (first.is("CREATE")) {
            at++;
            if (peek().is("TEMPORARY")) {
                at++;
            }
            if (peek().is("TABLE")) {
                at++;
                return createTable();
            }
            if (peek().is("VIEW")) {
                at++;
                return createView();
            }
            if (peek().is("CATALOG") || peek().is("DATABASE")) {
                throw new ValidationException("CREATE " + peek().text().toUpperCase(java.util.Locale.ROOT) + " is not supported: Weir "
                        + "has one in-memory catalog, default_catalog, with one database, default_database, where every table "
                        + "and view lives; leave the statement out and create the tables there");
            }
            throw error(peek(), "TABLE or VIEW (Weir supports CREATE [TEMPORARY] TABLE and CREATE [TEMPORARY] VIEW)");
        }
        if (first.is("DROP")) {
            at++;
            if (peek().is("TEMPORARY")) {
                at++;
            }
            boolean view;
            if (peek().is("TABLE")) {
                view = false;
            } else if (peek().is("VIEW")) {
                view = true;
            } else {
                throw error(peek(), "TABLE or VIEW");
            }
            at++;
            boolean ifExists = false;
            if (peek().is("IF")) {
                at++;
                expectWord("EXISTS");
                ifExists = true;
            }
            String name = identifier("a table name");
            end();
            return new Statement.Drop(view, name, ifExists);
        }
        Statement catalog = new CatalogStatementParser(this).tryParse();
        if (catalog != null) {
            return catalog;
        }
        if (first.is("SHOW")) {
            at++;
            Token what = next();
            throw error(what, "TABLES, VIEWS, FUNCTIONS, CATALOGS, DATABASES, CURRENT, CREATE or COLUMNS");
        }
        if (first.is("DESCRIBE") || first.is("DESC")) {
            at++;
            String name = identifier("a table name");
            end();
            return new Statement.Describe(name);
        }
        if (first.is("EXPLAIN")) {
            at++;
            if (peek().is("PLAN")) {
                at++;
                expectWord("FOR");
            }
            return new Statement.Explain(rest(peek().start()));
        }
        if (first.is("INSERT")) {
            at++;
            if (peek().is("OVERWRITE")) {
                throw new ValidationException("INSERT OVERWRITE at " + Positions.describe(sql, peek().start())
                        + " is not supported in streaming mode; use INSERT INTO");
            }
            expectWord("INTO");
            String target = identifier("a table name");
            if (peek().isSymbol("(")) {
                throw new ValidationException("INSERT INTO " + target + " with a column list at "
                        + Positions.describe(sql, peek().start()) + " is not supported yet; select the columns in the "
                        + "sink table's order instead");
            }
            int queryStart = peek().start();
            return new Statement.Insert(target, rest(queryStart), queryStart);
        }
        if (first.is("SET")) {
            at++;
            String key = string("an option key in single quotes");
            expectSymbol("=");
            String value = string("an option value in single quotes");
            end();
            return new Statement.Set(key, value);
        }
        if (first.is("SELECT") || first.is("WITH") || first.is("VALUES") || first.isSymbol("(")) {
            return new Statement.Query(withoutTrailingSemicolon(sql));
        }
        throw error(first, "CREATE, DROP, ALTER, SHOW, DESCRIBE, USE, EXPLAIN, INSERT, SET or a query (SELECT, WITH, VALUES)");
    }

    private Statement createTable() {
        boolean ifNotExists = ifNotExists();
        String name = identifier("a table name");
        List<Statement.ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        String watermarkColumn = null;
        String watermarkExpression = null;
        expectSymbol("(");
        while (true) {
            Token t = peek();
            if (t.is("WATERMARK")) {
                at++;
                expectWord("FOR");
                Token column = peek();
                watermarkColumn = identifier("the event-time column");
                if (columns.stream().noneMatch(c -> c.name().equals(column.text()))) {
                    throw new ValidationException("The rowtime attribute field '" + column.text() + "' of WATERMARK FOR at "
                            + Positions.describe(sql, column.start()) + " is not defined in the table schema; declare it "
                            + "before the watermark. Available fields: " + columns.stream().map(Statement.ColumnDefinition::name).toList());
                }
                expectWord("AS");
                watermarkExpression = expression();
            } else if (t.is("PRIMARY") || t.is("CONSTRAINT")) {
                if (t.is("CONSTRAINT")) {
                    at++;
                    identifier("a constraint name");
                }
                expectWord("PRIMARY");
                expectWord("KEY");
                expectSymbol("(");
                do {
                    primaryKey.add(identifier("a key column"));
                } while (acceptSymbol(","));
                expectSymbol(")");
                notEnforced();
            } else {
                columns.add(column(primaryKey));
            }
            if (acceptSymbol(",")) {
                continue;
            }
            expectSymbol(")");
            break;
        }
        if (peek().is("COMMENT")) {
            at++;
            string("a comment");
        }
        if (peek().is("PARTITIONED")) {
            throw new ValidationException("PARTITIONED BY at " + Positions.describe(sql, peek().start())
                    + " is not supported yet; remove it (Weir writes one directory per sink)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (peek().is("WITH")) {
            at++;
            expectSymbol("(");
            if (!acceptSymbol(")")) {
                do {
                    String key = string("an option key in single quotes, e.g. 'connector'");
                    expectSymbol("=");
                    options.put(key, string("an option value in single quotes"));
                } while (acceptSymbol(","));
                expectSymbol(")");
            }
        }
        if (peek().is("LIKE")) {
            throw new ValidationException("CREATE TABLE ... LIKE at " + Positions.describe(sql, peek().start())
                    + " is not supported yet; repeat the columns and options of the other table");
        }
        end();
        return new Statement.CreateTable(name, columns, watermarkColumn, watermarkExpression, primaryKey, options, ifNotExists);
    }

    Statement.ColumnDefinition column(List<String> primaryKey) {
        String name = identifier("a column name, WATERMARK or PRIMARY KEY");
        if (peek().is("AS")) {
            at++;
            String expression = expression();
            skipComment();
            return new Statement.ColumnDefinition(name, null, expression, false, null);
        }
        DataTypeParser types = new DataTypeParser(sql, tokens, at);
        DataType type = types.type();
        at = types.position();
        boolean metadata = false;
        String metadataKey = null;
        if (peek().is("METADATA")) {
            at++;
            metadata = true;
            if (peek().is("FROM")) {
                at++;
                metadataKey = string("a metadata key in single quotes");
            }
            if (peek().is("VIRTUAL")) {
                at++;
            }
        }
        if (peek().is("PRIMARY")) {
            at++;
            expectWord("KEY");
            notEnforced();
            primaryKey.add(name);
        }
        skipComment();
        return new Statement.ColumnDefinition(name, type, null, metadata, metadataKey);
    }

    private void notEnforced() {
        Token t = peek();
        if (!t.is("NOT")) {
            throw new ValidationException("Flink doesn't support ENFORCED mode for PRIMARY KEY constraint at "
                    + Positions.describe(sql, t.start()) + ". ENFORCED/NOT ENFORCED controls if the constraint checks are "
                    + "performed on the incoming/outgoing data. Write PRIMARY KEY (...) NOT ENFORCED");
        }
        at++;
        expectWord("ENFORCED");
    }

    private void skipComment() {
        if (peek().is("COMMENT")) {
            at++;
            string("a comment");
        }
    }

    private Statement createView() {
        boolean ifNotExists = ifNotExists();
        String name = identifier("a view name");
        if (peek().isSymbol("(")) {
            throw new ValidationException("A column list on CREATE VIEW at " + Positions.describe(sql, peek().start())
                    + " is not supported yet; alias the columns in the query instead");
        }
        expectWord("AS");
        return new Statement.CreateView(name, rest(peek().start()), ifNotExists);
    }

    private boolean ifNotExists() {
        if (peek().is("IF")) {
            at++;
            expectWord("NOT");
            expectWord("EXISTS");
            return true;
        }
        return false;
    }

    /**
     * The text of a DDL expression, up to the next comma or closing parenthesis at its own nesting level; blanked
     * with spaces before it, so that Calcite's positions in it are the statement's positions.
     */
    String expression() {
        int start = peek().start();
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.END && depth > 0) {
                throw error(t, "')' to close the expression");
            }
            // The end of the statement ends an expression of ALTER TABLE ... ADD without parentheses; in CREATE TABLE the
            // caller then finds no ')' and says so.
            if (depth == 0 && (t.kind() == Token.Kind.END || t.isSymbol(";") || t.isSymbol(",") || t.isSymbol(")")
                    || t.is("COMMENT") || (columnPositions && (t.is("FIRST") || t.is("AFTER"))))) {
                break;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            at++;
        }
        int end = tokens.get(at - 1).end();
        if (end <= start) {
            throw error(peek(), "an expression");
        }
        return padded(start, end);
    }

    /** The statement text from {@code start} to its end, without a trailing semicolon, padded to keep positions. */
    String rest(int start) {
        return withoutTrailingSemicolon(padded(start, sql.length()));
    }

    private String padded(int start, int end) {
        StringBuilder sb = new StringBuilder(end);
        for (int i = 0; i < start; i++) {
            sb.append(sql.charAt(i) == '\n' ? '\n' : ' ');
        }
        return sb.append(sql, start, end).toString();
    }

    private static String withoutTrailingSemicolon(String text) {
        String trimmed = text.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    void end() {
        acceptSymbol(";");
        Token t = peek();
        if (t.kind() != Token.Kind.END) {
            throw error(t, "the end of the statement");
        }
    }

    Token peek() {
        return tokens.get(at);
    }

    /** The token {@code ahead} places after the current one (the END token past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    /** Lets FIRST and AFTER end a column's expression, as they place the column in ALTER TABLE. */
    void allowColumnPositions() {
        columnPositions = true;
    }

    /** Moves past the current token. */
    void skip() {
        at++;
    }

    /** The statement's text. */
    String sql() {
        return sql;
    }

    Token next() {
        return tokens.get(at++);
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    void expectSymbol(String symbol) {
        Token t = next();
        if (!t.isSymbol(symbol)) {
            throw error(t, "'" + symbol + "'");
        }
    }

    void expectWord(String word) {
        Token t = next();
        if (!t.is(word)) {
            throw error(t, word);
        }
    }

    /** A possibly dotted identifier ({@code cat.db.t} keeps only the last part: Weir has one catalog). */
    String identifier(String expected) {
        Token t = next();
        if (!t.isIdentifier()) {
            throw error(t, expected);
        }
        String name = t.text();
        while (peek().isSymbol(".") && tokens.get(at + 1).isIdentifier()) {
            at++;
            name = next().text();
        }
        return name;
    }

    String string(String expected) {
        Token t = next();
        if (t.kind() != Token.Kind.STRING) {
            throw error(t, expected);
        }
        return t.text();
    }

    SqlParseError error(Token t, String expected) {
        return new SqlParseError(sql, t, expected);
    }
}
