package dev.weir.sql.parse;

import dev.weir.table.api.DataTypes;
import dev.weir.table.api.ValidationException;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SQL type as Flink's DDL writes it: {@code INT}, {@code STRING}, {@code VARCHAR(10)}, {@code DECIMAL(10, 2)},
 * {@code TIMESTAMP(3)}, {@code TIMESTAMP_LTZ(3)}, {@code TIMESTAMP(3) WITH LOCAL TIME ZONE}, {@code ARRAY<INT>}, {@code MAP<STRING, INT>},
 * {@code ROW<a INT, b STRING>}, each optionally {@code NOT NULL}.
 */
public final class DataTypeParser {
    private final String sql;
    private final List<Token> tokens;
    private int at;

    DataTypeParser(String sql, List<Token> tokens, int at) {
        this.sql = sql;
        this.tokens = tokens;
        this.at = at;
    }

    /** Parses the whole of {@code text} as one type. */
    public static DataType parse(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        DataTypeParser parser = new DataTypeParser(text, tokens, 0);
        DataType type = parser.type();
        if (parser.peek().kind() != Token.Kind.END) {
            throw new ValidationException("Could not parse type '" + text + "': unexpected '" + parser.peek().text() + "' at "
                    + Positions.describe(text, parser.peek().start()));
        }
        return type;
    }

    int position() {
        return at;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    DataType type() {
        Token name = next();
        if (!name.isIdentifier()) {
            throw error(name, "a type such as INT, STRING or TIMESTAMP(3)");
        }
        DataType type = base(name);
        if (peek().is("NOT") && tokens.get(at + 1).is("NULL")) {
            at += 2;
            type = type.notNull();
        } else if (peek().is("NULL")) {
            at++;
        }
        return type;
    }

    private DataType base(Token name) {
        switch (name.text().toUpperCase()) {
            case "INT":
            case "INTEGER":
                return DataTypes.INT();
            case "BIGINT":
                return DataTypes.BIGINT();
            case "SMALLINT":
                return DataTypes.SMALLINT();
            case "TINYINT":
                return DataTypes.TINYINT();
            case "BOOLEAN":
                return DataTypes.BOOLEAN();
            case "FLOAT":
                return DataTypes.FLOAT();
            case "REAL":
                return DataTypes.FLOAT();
            case "DOUBLE":
                if (peek().is("PRECISION")) {
                    at++;
                }
                return DataTypes.DOUBLE();
            case "STRING":
                return DataTypes.STRING();
            case "BYTES":
                return DataTypes.BYTES();
            case "VARCHAR":
                return DataTypes.VARCHAR(optionalInt(1));
            case "CHAR":
                return DataTypes.CHAR(optionalInt(1));
            case "BINARY":
                return DataTypes.BINARY(optionalInt(1));
            case "VARBINARY":
                return DataTypes.VARBINARY(optionalInt(1));
            case "DECIMAL":
            case "DEC":
            case "NUMERIC": {
                int precision = 10;
                int scale = 0;
                if (peek().isSymbol("(")) {
                    at++;
                    precision = integer();
                    if (peek().isSymbol(",")) {
                        at++;
                        scale = integer();
                    }
                    expect(")");
                }
                return DataTypes.DECIMAL(precision, scale);
            }
            case "DATE":
                return DataTypes.DATE();
            case "TIME": {
                int p = optionalInt(0);
                skipWithoutTimeZone();
                return DataTypes.TIME(p);
            }
            case "TIMESTAMP": {
                int p = optionalInt(6);
                if (peek().is("WITH") && tokens.get(at + 1).is("LOCAL")) {
                    at += 2;
                    expectWord("TIME");
                    expectWord("ZONE");
                    return DataTypes.TIMESTAMP_LTZ(p);
                }
                skipWithoutTimeZone();
                return DataTypes.TIMESTAMP(p);
            }
            case "TIMESTAMP_LTZ":
                return DataTypes.TIMESTAMP_LTZ(optionalInt(6));
            case "ARRAY": {
                expect("<");
                DataType element = type();
                expect(">");
                return DataTypes.ARRAY(element);
            }
            case "MAP": {
                expect("<");
                DataType key = type();
                expect(",");
                DataType value = type();
                expect(">");
                return DataTypes.MAP(key, value);
            }
            case "ROW": {
                boolean angle = peek().isSymbol("<");
                expect(angle ? "<" : "(");
                List<DataTypes.Field> fields = new ArrayList<>();
                while (true) {
                    Token fieldName = next();
                    if (!fieldName.isIdentifier()) {
                        throw error(fieldName, "a field name");
                    }
                    fields.add(DataTypes.FIELD(fieldName.text(), type()));
                    if (peek().isSymbol(",")) {
                        at++;
                        continue;
                    }
                    expect(angle ? ">" : ")");
                    return DataTypes.ROW(fields.toArray(new DataTypes.Field[0]));
                }
            }
            default:
                throw new ValidationException("Unknown type '" + name.text() + "' at " + Positions.describe(sql, name.start())
                        + "; use one of INT, BIGINT, SMALLINT, TINYINT, BOOLEAN, FLOAT, DOUBLE, DECIMAL(p, s), STRING, "
                        + "VARCHAR(n), CHAR(n), BYTES, DATE, TIME(p), TIMESTAMP(p), TIMESTAMP_LTZ(p), ARRAY<t>, MAP<k, v>, ROW<...>");
        }
    }

    private void skipWithoutTimeZone() {
        if (peek().is("WITHOUT")) {
            at++;
            expectWord("TIME");
            expectWord("ZONE");
        }
    }

    private int optionalInt(int otherwise) {
        if (!peek().isSymbol("(")) {
            return otherwise;
        }
        at++;
        int value = integer();
        expect(")");
        return value;
    }

    private int integer() {
        Token t = next();
        if (t.kind() != Token.Kind.NUMBER) {
            throw error(t, "a number");
        }
        return Integer.parseInt(t.text());
    }

    private void expect(String symbol) {
        Token t = next();
        if (!t.isSymbol(symbol)) {
            throw error(t, "'" + symbol + "'");
        }
    }

    private void expectWord(String word) {
        Token t = next();
        if (!t.is(word)) {
            throw error(t, word);
        }
    }

    private SqlParseError error(Token t, String expected) {
        return new SqlParseError(sql, t, expected);
    }
}
