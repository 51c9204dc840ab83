package dev.quarry.sql;

import java.util.List;

/**
 * GROUP BY and ORDER BY items that refer to the select list. An expression holding bound values
 * written twice gets fresh parameters the second time, and PostgreSQL and H2 then see two
 * different expressions ("must appear in the GROUP BY clause"); where the dialect allows
 * ({@code Dialect#refersToSelectItems}), such an item equal to a selected expression is written
 * as a reference to it (position or label). Values are never inlined for this.
 */
final class SelectItemRefs {
  private SelectItemRefs() {}

  static final Object REF = new Nodes.Token("select item");

  /** For each expression, the index of an equal selected expression if it holds bound values, else -1. */
  static int[] of(List<? extends Expression<?>> expressions, List<Expression<?>> selection) {
    int[] refs = new int[expressions.size()];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = indexIn(expressions.get(i), selection);
    }
    return refs;
  }

  private static int indexIn(Expression<?> e, List<Expression<?>> selection) {
    if (!(e instanceof Expr<?>) || !holdsValues(e)) {
      return -1;
    }
    Expression<?> bare = unaliased(e);
    for (int i = 0; i < selection.size(); i++) {
      if (unaliased(selection.get(i)).equals(bare)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean holdsValues(Expression<?> e) {
    Collector c = new Collector();
    Nodes.collect(e, c);
    return c.paramCount() > 0;
  }

  private static Expression<?> unaliased(Expression<?> e) {
    return e instanceof Expr<?> x && x.node() instanceof Functions.AliasNode a ? a.operand : e;
  }

  /** GROUP BY items: references where {@code refer}, else the expressions. */
  static void collectGroupBy(List<Expression<?>> groupBy, int[] refs, boolean refer, Collector c) {
    c.token(groupBy.size());
    for (int i = 0; i < refs.length; i++) {
      if (refer && refs[i] >= 0) {
        c.token(REF);
        c.token(refs[i]);
      } else {
        Nodes.collect(groupBy.get(i), c);
      }
    }
  }

  static void renderGroupBy(List<Expression<?>> groupBy, int[] refs, List<String> labels, RenderContext r) {
    boolean refer = r.dialect.refersToSelectItems();
    for (int i = 0; i < refs.length; i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      if (refer && refs[i] >= 0) {
        r.dialect.selectItemReference(r.sql, refs[i] + 1, labels.get(refs[i]));
      } else {
        r.expr(groupBy.get(i));
      }
    }
  }

  static void collectSorts(List<Functions.SortNode> sorts, int[] refs, boolean refer, Collector c) {
    c.token(sorts.size());
    for (int i = 0; i < refs.length; i++) {
      Functions.SortNode s = sorts.get(i);
      if (refer && refs[i] >= 0) {
        c.token(REF);
        c.token(refs[i]);
        c.token(s.descending);
        c.token(s.nulls);
      } else {
        s.collect(c);
      }
    }
  }

  static void renderSorts(List<Functions.SortNode> sorts, int[] refs, List<String> labels, RenderContext r) {
    boolean refer = r.dialect.refersToSelectItems();
    for (int i = 0; i < refs.length; i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      Functions.SortNode s = sorts.get(i);
      if (refer && refs[i] >= 0) {
        int ref = refs[i];
        r.dialect.orderItem(r.sql, b -> r.dialect.selectItemReference(b, ref + 1, labels.get(ref)), s.descending,
            s.nulls);
      } else {
        s.render(r);
      }
    }
  }

  /** The sort nodes' operands. */
  static List<Expression<?>> operands(List<Functions.SortNode> sorts) {
    Expression<?>[] out = new Expression<?>[sorts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = sorts.get(i).operand;
    }
    return List.of(out);
  }
}
