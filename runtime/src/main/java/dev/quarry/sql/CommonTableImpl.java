package dev.quarry.sql;

import java.util.List;
import java.util.function.Function;

/**
 * A WITH query. Its body may refer to the table itself (recursive): the body is built by a
 * function that receives this table, whose columns are known from the anchor query.
 */
final class CommonTableImpl extends DerivedTableImpl implements CommonTable {
  private final boolean recursive;
  private final QueryNode body;

  CommonTableImpl(String name, QueryNode body) {
    super(name, body);
    this.recursive = false;
    this.body = body;
  }

  /** {@code name AS (anchor UNION ALL recursivePart(this))}. */
  CommonTableImpl(String name, QueryNode anchor, Function<CommonTable, Query> recursivePart, boolean unionAll) {
    super(name, anchor);
    this.recursive = true;
    Query step = recursivePart.apply(this);
    this.body = Statements.queryNode(unionAll ? anchor.unionAll(step) : anchor.union(step));
  }

  @Override
  public boolean recursive() {
    return recursive;
  }

  void collectDefinition(Collector c) {
    c.token(alias());
    c.token(recursive);
    Statements.collectUncorrelated(body, c);
  }

  static void renderWith(List<CommonTable> tables, RenderContext r) {
    if (tables.isEmpty()) {
      return;
    }
    boolean anyRecursive = false;
    for (CommonTable t : tables) {
      anyRecursive |= t.recursive();
    }
    r.sql.append(anyRecursive ? "WITH RECURSIVE " : "WITH ");
    for (int i = 0; i < tables.size(); i++) {
      CommonTableImpl t = (CommonTableImpl) tables.get(i);
      if (i > 0) {
        r.sql.append(", ");
      }
      r.identifier(t.alias()).append(" (");
      List<String> labels = t.query.labels();
      for (int j = 0; j < labels.size(); j++) {
        if (j > 0) {
          r.sql.append(", ");
        }
        r.identifier(labels.get(j));
      }
      r.sql.append(") AS (");
      Statements.renderUncorrelated(t.body, r);
      r.sql.append(')');
    }
    r.sql.append(' ');
  }
}
