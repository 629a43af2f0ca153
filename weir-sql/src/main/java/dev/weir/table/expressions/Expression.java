package dev.weir.table.expressions;

import java.util.List;

/**
 * An expression of the Table API ({@code $("a").plus(1)}), as in Flink: a tree whose {@link #asSummaryString()} reads
 * like Flink's ({@code plus(a, 1)}). Weir plans it by rendering it as Flink SQL.
 */
public interface Expression {
    /** A short readable form, Flink's: {@code sum(b)}, {@code equals(c, 'FRANCE')}. */
    String asSummaryString();

    /** The expressions this one is made of. */
    List<Expression> getChildren();
}
