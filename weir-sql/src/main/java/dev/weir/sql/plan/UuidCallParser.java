package dev.weir.sql.plan;

import java.io.Reader;
import java.lang.reflect.Field;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SimpleCharStream;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImplConstants;
import org.apache.calcite.sql.parser.impl.SqlParserImplTokenManager;
import org.apache.calcite.sql.parser.impl.Token;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's SQL parser, except that {@code UUID} followed by {@code (} is a function name, as in Flink: Calcite reads
 * UUID as the name of its UUID type, so {@code SELECT UUID()} did not parse. The tokens are the parser's own, read
 * from the parser's own character stream (so that line, column and tab size stay Calcite's); only the kind of a
 * UUID token is changed when the next token is an opening parenthesis. Flink's {@code ARRAY<T>} type of one word
 * ({@code JSON_QUERY(.. RETURNING ARRAY<STRING>)}) is read as Calcite's {@code T ARRAY}, by giving the tokens in that
 * order.
 */
final class UuidCallParser {
    /** The parser factory for {@link SqlPlanner#PARSER_CONFIG}. */
    static final SqlParserImplFactory FACTORY = UuidCallParser::parser;

    private static final Field INPUT_STREAM = inputStreamField();

    private UuidCallParser() {
    }

    private static SqlAbstractParserImpl parser(Reader reader) {
        SqlParserImpl parser = new SqlParserImpl(reader);
        if (reader instanceof SourceStringReader) {
            // As Calcite's own factory: the original SQL for error messages.
            parser.setOriginalSql(((SourceStringReader) reader).getSourceString());
        }
        try {
            parser.ReInit(new UuidCallTokens((SimpleCharStream) INPUT_STREAM.get(parser)));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Calcite's parser changed: cannot reach its character stream", e);
        }
        return parser;
    }

    private static Field inputStreamField() {
        try {
            Field f = SqlParserImpl.class.getDeclaredField("jj_input_stream");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Calcite's parser changed: no jj_input_stream", e);
        }
    }

    /** Calcite's tokens, with UUID an identifier when a parenthesis follows it, and ARRAY &lt; T &gt; as T ARRAY. */
    private static final class UuidCallTokens extends SqlParserImplTokenManager {
        private final java.util.ArrayDeque<Token> ahead = new java.util.ArrayDeque<>();

        UuidCallTokens(SimpleCharStream stream) {
            super(stream);
        }

        private Token next() {
            return ahead.isEmpty() ? super.getNextToken() : ahead.poll();
        }

        private Token peek(int i) {
            while (ahead.size() <= i) {
                ahead.add(super.getNextToken());
            }
            int at = 0;
            for (Token t : ahead) {
                if (at++ == i) {
                    return t;
                }
            }
            throw new IllegalStateException();
        }

        @Override
        public Token getNextToken() {
            Token t = next();
            if (t.kind == SqlParserImplConstants.UUID && peek(0).kind == SqlParserImplConstants.LPAREN) {
                t.kind = SqlParserImplConstants.IDENTIFIER;
            }
            if (t.kind == SqlParserImplConstants.ARRAY && peek(0).kind == SqlParserImplConstants.LT
                    && peek(2).kind == SqlParserImplConstants.GT) {
                Token element = peek(1);
                ahead.poll();
                ahead.poll();
                ahead.poll();
                ahead.addFirst(t);
                return element;
            }
            return t;
        }
    }
}
