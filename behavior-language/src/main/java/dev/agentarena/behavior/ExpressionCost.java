package dev.agentarena.behavior;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;

/**
 * Static size measures of an expression. CEL-Java has no cost estimator (cel-go's is not ported), but the
 * behavior environment has no loops and no size-dependent functions, so the worst-case work of an evaluation
 * is proportional to the number of syntax-tree nodes: that count is the estimated cost.
 *
 * @param cost  number of nodes (after macro expansion), each evaluated at most once
 * @param depth height of the tree: the longest chain of nested sub-expressions
 */
record ExpressionCost(int cost, int depth) {

    static ExpressionCost of(CelAbstractSyntaxTree ast) {
        CelNavigableExpr root = CelNavigableAst.fromAst(ast).getRoot();
        return new ExpressionCost((int) root.allNodes().count(), root.height() + 1);
    }
}
