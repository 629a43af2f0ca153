package dev.weir.sql.parse;

/** One lexical token of a statement, with where it starts and ends in the statement text. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    /** True for a bare word equal to {@code keyword}, ignoring case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** An identifier's name: the text of a bare word or of a backquoted identifier without its quotes. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
