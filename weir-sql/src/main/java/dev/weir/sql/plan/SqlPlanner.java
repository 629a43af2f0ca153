package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.table.api.SqlParserException;
import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.RelConversionException;

/**
 * Parses, validates and converts SQL to Calcite's logical relational algebra against the session catalog, with
 * Flink's lexical rules (backquoted, case-sensitive identifiers kept as written) and Flink's type limits. A parse
 * error becomes a {@link SqlParserException}, a validation error a {@link ValidationException}, each with Calcite's
 * line and column in the statement.
 */
public final class SqlPlanner {
    private static final String HIDDEN_SOURCE = "__weir_source";

    static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withQuoting(Quoting.BACK_TICK)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withIdentifierMaxLength(1024)
            .withParserFactory(UuidCallParser.FACTORY);

    private final SessionCatalog catalog;

    public SqlPlanner(SessionCatalog catalog) {
        this.catalog = catalog;
    }

    /** A query's logical plan and result row type, and its parse tree (for the places of refused constructs). */
    public record Planned(RelNode rel, RelDataType rowType, SqlNode query, CallPlaces places) {
        /** The plan translated by {@code translator}; a refusal names the line and column of what it refuses. */
        public Translated translateWith(StreamTranslator translator) {
            try {
                return translator.placing(places).translate(rel);
            } catch (ValidationException e) {
                throw RefusalPlaces.located(e, query);
            }
        }
    }

    /** Plans a query (SELECT, WITH, VALUES, UNION ...). */
    public Planned planQuery(String sql) {
        CallPlaces places = new CallPlaces();
        Planner planner = Frameworks.getPlanner(config(root(null)).convertletTable(places.convertlets()).build());
        SqlNode parsed;
        try {
            parsed = planner.parse(sql);
        } catch (SqlParseException e) {
            throw new SqlParserException("SQL parse failed. " + firstLines(e.getMessage()), e);
        }
        return convert(planner, rewritten(parsed), places);
    }

    /**
     * The row type {@code sql} (a query) validates to, without converting it to a plan: the Table API learns a function
     * call's result type this way, since Calcite's type flattener cannot convert a query whose output column is a
     * ROW-valued aggregate call (it asserts a type mismatch), while reading that row's fields plans well.
     */
    public RelDataType validatedRowType(String sql) {
        Planner planner = Frameworks.getPlanner(config(root(null)).build());
        SqlNode parsed;
        try {
            parsed = planner.parse(sql);
        } catch (SqlParseException e) {
            throw new SqlParserException("SQL parse failed. " + firstLines(e.getMessage()), e);
        }
        try {
            return planner.validateAndGetType(rewritten(parsed)).right;
        } catch (org.apache.calcite.tools.ValidationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ValidationException("SQL validation failed. " + firstLines(cause.getMessage()), e);
        }
    }

    /**
     * Plans expressions over a row of {@code inputType} (a table's computed columns and watermark): {@code expressions}
     * are SQL text, padded so that their positions are those in the original statement.
     */
    public List<RexNode> planExpressions(RelDataType inputType, List<String> expressions) {
        Planner planner = Frameworks.getPlanner(config(root(inputType)).build());
        List<SqlNode> nodes = new ArrayList<>();
        try {
            planner.parse("VALUES 1");
            for (String expression : expressions) {
                nodes.add(SqlParser.create(expression, PARSER_CONFIG).parseExpression());
            }
        } catch (SqlParseException e) {
            throw new SqlParserException("SQL parse failed. " + firstLines(e.getMessage()), e);
        }
        SqlNodeList select = new SqlNodeList(SqlParserPos.ZERO);
        for (int i = 0; i < nodes.size(); i++) {
            select.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, nodes.get(i),
                    new SqlIdentifier("e" + i, SqlParserPos.ZERO)));
        }
        SqlSelect query = new SqlSelect(SqlParserPos.ZERO, null, select, new SqlIdentifier(HIDDEN_SOURCE, SqlParserPos.ZERO),
                null, null, null, null, null, null, null, null, null);
        RelNode rel = convert(planner, query, null).rel();
        if (!(rel instanceof LogicalProject)) {
            throw new IllegalStateException("Expected a projection for expressions, got " + rel);
        }
        return ((LogicalProject) rel).getProjects();
    }

    /**
     * {@code expression} as Flink 2.3 stores it in the catalog: unparsed with backquoted identifiers and function names,
     * e.g. {@code `ts` - INTERVAL '5' SECOND}, {@code `TO_TIMESTAMP_LTZ`(`ms`, 3)} (Flink 1.20 printed function names bare).
     */
    public static String canonical(String expression) {
        try {
            SqlNode node = SqlParser.create(expression, PARSER_CONFIG).parseExpression();
            org.apache.calcite.sql.SqlDialect dialect = new org.apache.calcite.sql.SqlDialect(
                    org.apache.calcite.sql.SqlDialect.EMPTY_CONTEXT.withIdentifierQuoteString("`"));
            return node.toSqlString(c -> c.withDialect(dialect).withAlwaysUseParentheses(false)
                    .withSelectListItemsOnSeparateLines(false).withIndentation(0)).getSql();
        } catch (SqlParseException e) {
            throw new SqlParserException("SQL parse failed. " + firstLines(e.getMessage()), e);
        }
    }

    private Planned convert(Planner planner, SqlNode parsed, CallPlaces places) {
        try {
            SqlNode validated = planner.validate(parsed);
            if (places != null) {
                places.statement(validated);
            }
            RelRoot root = planner.rel(validated);
            return new Planned(GroupingSetsRewrite.apply(JsonValueArguments.apply(JoinFilterPushdown.apply(
                    SubQueryJoinRewrite.apply(root.project())))),
                    root.validatedRowType, validated, places);
        } catch (org.apache.calcite.tools.ValidationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = firstLines(cause.getMessage());
            throw new ValidationException("SQL validation failed. " + message, e);
        } catch (RelConversionException e) {
            throw new ValidationException("SQL validation failed. " + e.getMessage(), e);
        }
    }

    private SchemaPlus root(RelDataType hiddenSource) {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        for (Map.Entry<String, Object> e : catalog.entries().entrySet()) {
            if (e.getValue() instanceof CatalogTable) {
                root.add(e.getKey(), new CalciteTables.Source(((CatalogTable) e.getValue()).schema()));
            } else {
                CatalogView view = (CatalogView) e.getValue();
                root.add(e.getKey(), new CalciteTables.View(view.name(), view.query(), view.schema()));
            }
        }
        // Flink's type names that Calcite's parser reads as user-defined types, e.g. in CAST(x AS STRING).
        root.add("STRING", f -> f.createTypeWithNullability(f.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR,
                Integer.MAX_VALUE), true));
        root.add("BYTES", f -> f.createTypeWithNullability(f.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARBINARY,
                Integer.MAX_VALUE), true));
        root.add("TIMESTAMP_LTZ", f -> f.createTypeWithNullability(f.createSqlType(
                org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6), true));
        if (hiddenSource != null) {
            root.add(HIDDEN_SOURCE, new org.apache.calcite.schema.impl.AbstractTable() {
                @Override
                public RelDataType getRowType(org.apache.calcite.rel.type.RelDataTypeFactory typeFactory) {
                    return typeFactory.copyType(hiddenSource);
                }
            });
        }
        return root;
    }

    private Frameworks.ConfigBuilder config(SchemaPlus root) {
        return Frameworks.newConfigBuilder()
                .defaultSchema(root)
                .parserConfig(PARSER_CONFIG)
                .operatorTable(org.apache.calcite.sql.util.SqlOperatorTables.chain(new UserFunctionTable(catalog),
                        FlinkOperatorTable.create()))
                .typeSystem(dev.weir.sql.types.FlinkTypeSystem.INSTANCE)
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.LENIENT)
                        .withDefaultNullCollation(org.apache.calcite.config.NullCollation.LOW) // Flink's: NULL sorts first
                        .withIdentifierExpansion(true))
                .sqlToRelConverterConfig(SqlToRelConverter.config().withExpand(false).withTrimUnusedFields(false));
    }

    /** A parsed query with Flink's forms Calcite does not know rewritten: group windows, session partitions, NULL order. */
    private static SqlNode rewritten(SqlNode parsed) {
        return FlinkNullOrder.apply(SessionPartitionRewrite.apply(GroupWindowRewrite.apply(JsonTextPlacement.check(StructuredFunctions.check(parsed)))));
    }

    /** Calcite lists every token it expected after the first lines; Flink's message keeps the first few. */
    private static String firstLines(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length && i < 6; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines[i]);
        }
        if (lines.length > 6) {
            sb.append("\n    ...");
        }
        return sb.toString();
    }
}
