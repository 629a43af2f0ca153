package dev.weir.sql.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Flink's catalog statements on {@link StatementParser}'s tokens: {@code SHOW CATALOGS | CURRENT CATALOG |
 * DATABASES | CURRENT DATABASE}, {@code SHOW CREATE TABLE | VIEW}, {@code SHOW COLUMNS FROM t [[NOT] LIKE 'p']},
 * {@code SHOW TABLES | VIEWS [FROM|IN [c.]db] [[NOT] LIKE 'p']}, {@code ALTER VIEW v RENAME TO w | AS query},
 * {@code USE CATALOG c}, {@code USE [c.]db} and {@code ALTER TABLE [IF EXISTS] t} with {@code RENAME TO}, {@code RENAME
 * a TO b}, {@code SET (...)}, {@code RESET (...)}, {@code ADD}, {@code MODIFY} and {@code DROP}.
 */
final class CatalogStatementParser {
    private final StatementParser p;

    CatalogStatementParser(StatementParser parser) {
        this.p = parser;
    }

    /** The statement, or null (nothing consumed) when the statement is none of these. */
    Statement tryParse() {
        Token first = p.peek();
        if (first.is("USE")) {
            p.skip();
            return use();
        }
        if (first.is("ALTER") && p.peek(1).is("TABLE")) {
            p.skip();
            p.skip();
            return alterTable();
        }
        if (first.is("ALTER") && p.peek(1).is("VIEW")) {
            p.skip();
            p.skip();
            return alterView();
        }
        if (first.is("SHOW")) {
            Token what = p.peek(1);
            if (what.is("TABLES") || what.is("VIEWS")) {
                p.skip();
                p.skip();
                return showTables(what.is("VIEWS"));
            }
            if (what.is("CATALOGS") || what.is("DATABASES")) {
                p.skip();
                p.skip();
                p.end();
                return new Statement.ShowCatalogObjects(what.is("CATALOGS") ? Statement.CatalogObjects.CATALOGS
                        : Statement.CatalogObjects.DATABASES);
            }
            if (what.is("CURRENT")) {
                p.skip();
                p.skip();
                Token object = p.next();
                if (!object.is("CATALOG") && !object.is("DATABASE")) {
                    throw p.error(object, "CATALOG or DATABASE");
                }
                p.end();
                return new Statement.ShowCatalogObjects(object.is("CATALOG") ? Statement.CatalogObjects.CURRENT_CATALOG
                        : Statement.CatalogObjects.CURRENT_DATABASE);
            }
            if (what.is("CREATE")) {
                p.skip();
                p.skip();
                Token object = p.next();
                if (!object.is("TABLE") && !object.is("VIEW")) {
                    throw p.error(object, "TABLE or VIEW");
                }
                String name = p.identifier(object.is("TABLE") ? "a table name" : "a view name");
                p.end();
                return new Statement.ShowCreate(name, object.is("VIEW"));
            }
            if (what.is("COLUMNS")) {
                p.skip();
                p.skip();
                return showColumns();
            }
        }
        return null;
    }

    private Statement use() {
        if (p.peek().is("CATALOG")) {
            p.skip();
            String catalog = p.next().text();
            p.end();
            return new Statement.Use(catalog, null);
        }
        List<String> parts = dotted("a database name");
        p.end();
        if (parts.size() > 2) {
            throw new dev.weir.table.api.SqlParserException("SQL parse failed. USE takes a database name, optionally with "
                    + "its catalog (USE default_catalog.default_database), not " + String.join(".", parts));
        }
        return parts.size() == 1 ? new Statement.Use(null, parts.get(0)) : new Statement.Use(parts.get(0), parts.get(1));
    }

    private List<String> dotted(String expected) {
        List<String> parts = new ArrayList<>();
        do {
            Token t = p.next();
            if (!t.isIdentifier()) {
                throw p.error(t, expected);
            }
            parts.add(t.text());
        } while (p.acceptSymbol("."));
        return parts;
    }

    private Statement showColumns() {
        Token fromOrIn = p.next();
        if (!fromOrIn.is("FROM") && !fromOrIn.is("IN")) {
            throw p.error(fromOrIn, "FROM or IN");
        }
        String table = p.identifier("a table name");
        boolean not = notLike();
        String like = like();
        p.end();
        return new Statement.ShowColumns(table, like, not);
    }

    private Statement showTables(boolean views) {
        String catalog = null;
        String database = null;
        if (p.peek().is("FROM") || p.peek().is("IN")) {
            p.skip();
            List<String> parts = dotted("a database name");
            if (parts.size() > 2) {
                throw new dev.weir.table.api.SqlParserException("SQL parse failed. SHOW " + (views ? "VIEWS" : "TABLES") + " FROM "
                        + "takes a database name, optionally with its catalog (default_catalog.default_database), not "
                        + String.join(".", parts));
            }
            catalog = parts.size() == 2 ? parts.get(0) : null;
            database = parts.get(parts.size() - 1);
        }
        boolean not = notLike();
        String like = like();
        p.end();
        return new Statement.ShowTables(views, catalog, database, like, not);
    }

    /** Consumes {@code NOT} before a {@code LIKE}; whether there was one. */
    private boolean notLike() {
        if (p.peek().is("NOT")) {
            p.skip();
            if (!p.peek().is("LIKE")) {
                throw p.error(p.peek(), "LIKE");
            }
            return true;
        }
        return false;
    }

    /** The pattern of a {@code LIKE 'pattern'}, or null when the statement has none. */
    private String like() {
        if (!p.peek().is("LIKE")) {
            return null;
        }
        p.skip();
        return p.string("a pattern in single quotes");
    }

    private Statement alterView() {
        String name = p.identifier("a view name");
        Token verb = p.next();
        if (verb.is("RENAME")) {
            p.expectWord("TO");
            String newName = p.identifier("the new view name");
            p.end();
            return new Statement.AlterView(name, newName, null);
        }
        if (verb.is("AS")) {
            return new Statement.AlterView(name, null, p.rest(p.peek().start()));
        }
        throw p.error(verb, "RENAME TO or AS");
    }

    private Statement alterTable() {
        boolean ifExists = false;
        if (p.peek().is("IF")) {
            p.skip();
            p.expectWord("EXISTS");
            ifExists = true;
        }
        String name = p.identifier("a table name");
        Token verb = p.next();
        Statement.AlterAction action;
        if (verb.is("RENAME")) {
            if (p.peek().is("TO")) {
                p.skip();
                action = new Statement.RenameTable(p.identifier("the new table name"));
            } else {
                String column = p.identifier("TO or a column name");
                p.expectWord("TO");
                action = new Statement.RenameColumn(column, p.identifier("the new column name"));
            }
        } else if (verb.is("SET")) {
            Map<String, String> options = new LinkedHashMap<>();
            p.expectSymbol("(");
            do {
                String key = p.string("an option key in single quotes");
                p.expectSymbol("=");
                options.put(key, p.string("an option value in single quotes"));
            } while (p.acceptSymbol(","));
            p.expectSymbol(")");
            action = new Statement.SetOptions(options);
        } else if (verb.is("RESET")) {
            List<String> keys = new ArrayList<>();
            p.expectSymbol("(");
            do {
                keys.add(p.string("an option key in single quotes"));
            } while (p.acceptSymbol(","));
            p.expectSymbol(")");
            action = new Statement.ResetOptions(keys);
        } else if (verb.is("ADD") || verb.is("MODIFY")) {
            action = addOrModify(verb.is("MODIFY"));
        } else if (verb.is("DROP")) {
            action = drop();
        } else {
            throw p.error(verb, "RENAME, SET, RESET, ADD, MODIFY or DROP");
        }
        p.end();
        return new Statement.AlterTable(name, ifExists, action);
    }

    private Statement.AlterAction addOrModify(boolean modify) {
        p.allowColumnPositions();
        List<Statement.PositionedColumn> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        String[] watermark = new String[2];
        boolean keyNamed = false;
        if (p.acceptSymbol("(")) {
            do {
                keyNamed |= item(columns, primaryKey, watermark);
            } while (p.acceptSymbol(","));
            p.expectSymbol(")");
        } else {
            keyNamed = item(columns, primaryKey, watermark);
        }
        return new Statement.AddOrModify(modify, columns, watermark[0], watermark[1], keyNamed ? primaryKey : null);
    }

    /** One column, watermark or primary key of ADD/MODIFY; true when it named a primary key. */
    private boolean item(List<Statement.PositionedColumn> columns, List<String> primaryKey, String[] watermark) {
        Token t = p.peek();
        if (t.is("WATERMARK")) {
            p.skip();
            p.expectWord("FOR");
            watermark[0] = p.identifier("the event-time column");
            p.expectWord("AS");
            watermark[1] = p.expression();
            return false;
        }
        if (t.is("PRIMARY") || t.is("CONSTRAINT")) {
            if (t.is("CONSTRAINT")) {
                p.skip();
                p.identifier("a constraint name");
            }
            p.expectWord("PRIMARY");
            p.expectWord("KEY");
            p.expectSymbol("(");
            do {
                primaryKey.add(p.identifier("a key column"));
            } while (p.acceptSymbol(","));
            p.expectSymbol(")");
            p.expectWord("NOT");
            p.expectWord("ENFORCED");
            return true;
        }
        List<String> inlineKey = new ArrayList<>();
        Statement.ColumnDefinition column = p.column(inlineKey);
        boolean first = false;
        String after = null;
        if (p.peek().is("FIRST")) {
            p.skip();
            first = true;
        } else if (p.peek().is("AFTER")) {
            p.skip();
            after = p.identifier("the column to add it after");
        }
        columns.add(new Statement.PositionedColumn(column, first, after));
        primaryKey.addAll(inlineKey);
        return !inlineKey.isEmpty();
    }

    private Statement.AlterAction drop() {
        if (p.peek().is("PRIMARY")) {
            p.skip();
            p.expectWord("KEY");
            return new Statement.DropFromTable(List.of(), true, false);
        }
        if (p.peek().is("CONSTRAINT")) {
            // Weir keeps no constraint names: the table's one constraint, its primary key, is dropped whatever it was named.
            p.skip();
            p.identifier("the constraint name");
            return new Statement.DropFromTable(List.of(), true, false);
        }
        if (p.peek().is("WATERMARK")) {
            p.skip();
            return new Statement.DropFromTable(List.of(), false, true);
        }
        List<String> columns = new ArrayList<>();
        if (p.acceptSymbol("(")) {
            do {
                columns.add(p.identifier("a column name"));
            } while (p.acceptSymbol(","));
            p.expectSymbol(")");
        } else {
            columns.add(p.identifier("a column name, PRIMARY KEY or WATERMARK"));
        }
        return new Statement.DropFromTable(columns, false, false);
    }
}
