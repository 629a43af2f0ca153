package dev.weir.sql.expr;

import org.apache.calcite.rex.RexCall;

/** An operator that compiles its own calls (a user-defined function): the compiler hands it the compiled operands. */
public interface CompiledCall {
    Expr compile(RexCall call, Expr[] operands);
}
