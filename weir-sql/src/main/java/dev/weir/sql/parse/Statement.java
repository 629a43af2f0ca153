package dev.weir.sql.parse;

import dev.weir.table.types.DataType;
import java.util.List;
import java.util.Map;

/** A parsed statement: the DDL Weir parses itself, or SQL handed to Calcite whole (queries, INSERT's query). */
public sealed interface Statement {

    /** {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA]}. */
    record CreateFunction(String name, String className, boolean ifNotExists) implements Statement {
    }

    /** {@code DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name}. */
    record DropFunction(String name, boolean ifExists) implements Statement {
    }

    /** {@code SHOW [USER] FUNCTIONS}. */
    record ShowFunctions(boolean userOnly) implements Statement {
    }

    /** {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (...) WITH (...)}. */
    record CreateTable(String name, List<ColumnDefinition> columns, String watermarkColumn, String watermarkExpression,
            List<String> primaryKey, Map<String, String> options, boolean ifNotExists) implements Statement {
    }

    /** One column of CREATE TABLE: physical (type only), computed (expression) or metadata. */
    record ColumnDefinition(String name, DataType type, String expression, boolean metadata, String metadataKey) {
    }

    /** {@code CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name AS query}. */
    record CreateView(String name, String query, boolean ifNotExists) implements Statement {
    }

    /** {@code DROP [TEMPORARY] TABLE|VIEW [IF EXISTS] name}. */
    record Drop(boolean view, String name, boolean ifExists) implements Statement {
    }

    /** {@code SHOW TABLES} or {@code SHOW VIEWS}. */
    record Show(boolean views) implements Statement {
    }

    /** {@code DESCRIBE name} or {@code DESC name}. */
    record Describe(String name) implements Statement {
    }

    /** {@code EXPLAIN [PLAN FOR] statement}. */
    record Explain(String statement) implements Statement {
    }

    /** {@code INSERT INTO name query}; {@code queryOffset} is where the query starts in the statement. */
    record Insert(String target, String query, int queryOffset) implements Statement {
    }

    /** {@code SET 'key' = 'value'}. */
    record Set(String key, String value) implements Statement {
    }

    /** A query (SELECT, WITH, VALUES), planned by Calcite. */
    record Query(String sql) implements Statement {
    }
}
