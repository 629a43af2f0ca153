package dev.weir.table.api;

import dev.weir.sql.tableapi.SqlRendering;
import dev.weir.table.api.internal.BaseExpressions;
import dev.weir.table.expressions.Expression;
import java.util.List;

/**
 * An expression of the Java Table API ({@code $("a").plus(1)}), made by {@link Expressions}; its methods chain
 * further expressions. Immutable.
 */
public final class ApiExpression extends BaseExpressions<Object, ApiExpression> implements Expression {
    private final Expression wrapped;

    ApiExpression(Expression wrapped) {
        this.wrapped = SqlRendering.node(wrapped);
    }

    /** The expression this one wraps. */
    @Override
    public Expression toExpr() {
        return wrapped;
    }

    @Override
    protected ApiExpression toApiSpecificExpression(Expression expression) {
        return new ApiExpression(expression);
    }

    @Override
    public String asSummaryString() {
        return wrapped.asSummaryString();
    }

    @Override
    public List<Expression> getChildren() {
        return wrapped.getChildren();
    }

    @Override
    public String toString() {
        return asSummaryString();
    }
}
