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

    /**
     * {@code SHOW TABLES|VIEWS [FROM|IN [catalog.]database] [[NOT] LIKE 'pattern']}: {@code catalog}, {@code database}
     * and {@code like} null when not written.
     */
    record ShowTables(boolean views, String catalog, String database, String like, boolean notLike) implements Statement {
    }

    /** {@code ALTER VIEW name RENAME TO newName} ({@code query} null) or {@code ALTER VIEW name AS query} ({@code newName} null). */
    record AlterView(String name, String newName, String query) implements Statement {
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

    /** {@code SHOW CATALOGS}, {@code SHOW CURRENT CATALOG}, {@code SHOW DATABASES} or {@code SHOW CURRENT DATABASE}. */
    record ShowCatalogObjects(CatalogObjects what) implements Statement {
    }

    /** What a {@link ShowCatalogObjects} lists. */
    enum CatalogObjects { CATALOGS, CURRENT_CATALOG, DATABASES, CURRENT_DATABASE }

    /** {@code USE CATALOG c} ({@code database} null) or {@code USE [c.]db} ({@code catalog} null when not named). */
    record Use(String catalog, String database) implements Statement {
    }

    /** {@code SHOW CREATE TABLE name} or {@code SHOW CREATE VIEW name}. */
    record ShowCreate(String name, boolean view) implements Statement {
    }

    /** {@code SHOW COLUMNS FROM|IN name [[NOT] LIKE 'pattern']}; {@code like} null without a pattern. */
    record ShowColumns(String table, String like, boolean notLike) implements Statement {
    }

    /** {@code ALTER TABLE [IF EXISTS] name action}. */
    record AlterTable(String name, boolean ifExists, AlterAction action) implements Statement {
    }

    /** What an {@link AlterTable} changes. */
    sealed interface AlterAction {
    }

    /** {@code SET ('k' = 'v', ...)}: options added or replaced. */
    record SetOptions(Map<String, String> options) implements AlterAction {
    }

    /** {@code RESET ('k', ...)}: options removed. */
    record ResetOptions(List<String> keys) implements AlterAction {
    }

    /** {@code RENAME TO name}. */
    record RenameTable(String newName) implements AlterAction {
    }

    /** {@code RENAME column TO name}. */
    record RenameColumn(String column, String newName) implements AlterAction {
    }

    /**
     * {@code ADD ...} ({@code modify} false) or {@code MODIFY ...}: columns with where they go, and a watermark or a
     * primary key (null when not named).
     */
    record AddOrModify(boolean modify, List<PositionedColumn> columns, String watermarkColumn, String watermarkExpression,
            List<String> primaryKey) implements AlterAction {
    }

    /** A column of ADD or MODIFY: {@code FIRST} ({@code first}), {@code AFTER name} ({@code after}), or neither. */
    record PositionedColumn(ColumnDefinition column, boolean first, String after) {
    }

    /** {@code DROP column}, {@code DROP (a, b)}, {@code DROP PRIMARY KEY}, {@code DROP CONSTRAINT c} or {@code DROP WATERMARK}. */
    record DropFromTable(List<String> columns, boolean primaryKey, boolean watermark) implements AlterAction {
    }
}
