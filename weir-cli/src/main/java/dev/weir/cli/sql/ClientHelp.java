package dev.weir.cli.sql;

/** The text of {@code HELP}: the client's commands, as Flink's SQL client lists them. */
final class ClientHelp {
    static final String TEXT = String.join("\n",
            "The following commands are available:",
            "",
            "CLEAR\t\tClears the current terminal.",
            "CREATE TABLE\t\tCreate table under current catalog and database.",
            "DROP TABLE\t\tDrop table with optional catalog and database. Syntax: 'DROP TABLE [IF EXISTS] <name>;'",
            "CREATE VIEW\t\tCreates a virtual table from a SQL query. Syntax: 'CREATE VIEW <name> AS <query>;'",
            "DESCRIBE\t\tDescribes the schema of a table with the given name.",
            "DESCRIBE JOB\t\tDescribes a job of this session. Syntax: 'DESCRIBE JOB '<job id>';'",
            "DROP VIEW\t\tDeletes a previously created virtual table. Syntax: 'DROP VIEW <name>;'",
            "CREATE FUNCTION\t\tRegisters a Java function. Syntax: 'CREATE FUNCTION <name> AS '<class>';'",
            "EXPLAIN\t\tDescribes the execution plan of a query or table with the given name.",
            "HELP\t\tPrints the available commands.",
            "INSERT INTO\t\tInserts the results of a SQL SELECT query into a declared table sink.",
            "QUIT\t\tQuits the SQL CLI client.",
            "RESET\t\tResets a session configuration property. Syntax: 'RESET '<key>';'. Use 'RESET;' for reset all session properties.",
            "SELECT\t\tExecutes a SQL SELECT query on the Weir cluster.",
            "SET\t\tSets a session configuration property. Syntax: 'SET '<key>'='<value>';'. Use 'SET;' for listing all properties.",
            "SHOW FUNCTIONS\t\tShows all user-defined and built-in functions, or only user-defined functions. Syntax: 'SHOW [USER] FUNCTIONS;'",
            "SHOW JOBS\t\tShows the jobs this session submitted.",
            "SHOW TABLES\t\tShows all registered tables.",
            "SHOW VIEWS\t\tShows all registered views.",
            "STOP JOB\t\tStops a job. Syntax: 'STOP JOB '<job id>' [WITH SAVEPOINT] [WITH DRAIN];'",
            "USE CATALOG\t\tSets the current catalog; Weir has one, default_catalog. Syntax: 'USE CATALOG <name>;'",
            "USE\t\tSets the current database; Weir has one, default_database. Syntax: 'USE <name>;'",
            "",
            "Hint: Make sure that a statement ends with \";\" for finalizing (multi-line) statements.",
            "The result mode is set with SET 'sql-client.execution.result-mode' = 'table' | 'changelog' | 'tableau';");

    private ClientHelp() {
    }
}
