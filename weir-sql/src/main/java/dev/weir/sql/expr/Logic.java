package dev.weir.sql.expr;

import dev.weir.types.Row;

/** SQL's three-valued AND, OR and NOT, the IS [NOT] NULL/TRUE/FALSE tests, and CASE. */
final class Logic {
    private Logic() {
    }

    /** AND of any number of operands: FALSE if one is FALSE, else NULL if one is NULL, else TRUE. */
    static final class And extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr[] operands;

        And(Expr[] operands) {
            this.operands = operands;
        }

        @Override
        public Object eval(Row row) {
            boolean sawNull = false;
            for (Expr e : operands) {
                Object v = e.eval(row);
                if (v == null) {
                    sawNull = true;
                } else if (!(Boolean) v) {
                    return Boolean.FALSE;
                }
            }
            return sawNull ? null : Boolean.TRUE;
        }
    }

    /** OR of any number of operands: TRUE if one is TRUE, else NULL if one is NULL, else FALSE. */
    static final class Or extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr[] operands;

        Or(Expr[] operands) {
            this.operands = operands;
        }

        @Override
        public Object eval(Row row) {
            boolean sawNull = false;
            for (Expr e : operands) {
                Object v = e.eval(row);
                if (v == null) {
                    sawNull = true;
                } else if ((Boolean) v) {
                    return Boolean.TRUE;
                }
            }
            return sawNull ? null : Boolean.FALSE;
        }
    }

    static final class Not extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr operand;

        Not(Expr operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Row row) {
            Object v = operand.eval(row);
            return v == null ? null : !(Boolean) v;
        }
    }

    /** IS NULL, IS NOT NULL, IS TRUE, IS NOT TRUE, IS FALSE, IS NOT FALSE: never NULL. */
    static final class Is extends Expr {
        private static final long serialVersionUID = 1L;

        enum Test { NULL, NOT_NULL, TRUE, NOT_TRUE, FALSE, NOT_FALSE }

        private final Test test;
        private final Expr operand;

        Is(Test test, Expr operand) {
            this.test = test;
            this.operand = operand;
        }

        @Override
        public Object eval(Row row) {
            Object v = operand.eval(row);
            switch (test) {
                case NULL:
                    return v == null;
                case NOT_NULL:
                    return v != null;
                case TRUE:
                    return Boolean.TRUE.equals(v);
                case NOT_TRUE:
                    return !Boolean.TRUE.equals(v);
                case FALSE:
                    return Boolean.FALSE.equals(v);
                default:
                    return !Boolean.FALSE.equals(v);
            }
        }
    }

    /** CASE WHEN c1 THEN v1 ... ELSE e END; COALESCE and NULLIF reach here as Calcite rewrites them. */
    static final class Case extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr[] conditions;
        private final Expr[] values;
        private final Expr otherwise;

        Case(Expr[] conditions, Expr[] values, Expr otherwise) {
            this.conditions = conditions;
            this.values = values;
            this.otherwise = otherwise;
        }

        @Override
        public Object eval(Row row) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].isTrue(row)) {
                    return values[i].eval(row);
                }
            }
            return otherwise.eval(row);
        }
    }
}
