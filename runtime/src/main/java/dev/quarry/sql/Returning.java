package dev.quarry.sql;

import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.DmlKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What a data-changing statement returns: a {@code RETURNING} clause where the dialect has one,
 * else a data change delta table around UPDATE / DELETE (H2), else (INSERT only) the JDBC
 * generated keys of the named columns.
 */
final class Returning {
  private Returning() {}

  static void collect(List<Expression<?>> expressions, Collector c) {
    Nodes.collectAll(expressions, c);
  }

  static void render(List<Expression<?>> expressions, DmlKind kind, RenderContext r) {
    if (expressions.isEmpty()) {
      return;
    }
    if (!r.dialect.supportsReturning(kind)) {
      if (kind == DmlKind.INSERT || viaDeltaTable(expressions, kind, r.dialect)) {
        return; // generated keys, see generatedKeys()
      }
      throw unsupported(kind, r.dialect);
    }
    r.sql.append(" RETURNING ");
    boolean before = r.unqualified;
    r.unqualified = true;
    Statements.renderSelectList(expressions, Statements.labels(expressions), r);
    r.unqualified = before;
  }

  /**
   * Whether {@code kind} returns its rows through a data change delta table here (H2):
   * {@code SELECT … FROM FINAL TABLE (UPDATE …)} / {@code OLD TABLE (DELETE …)}.
   */
  static boolean viaDeltaTable(List<Expression<?>> expressions, DmlKind kind, Dialect dialect) {
    return !expressions.isEmpty() && kind != DmlKind.INSERT && !dialect.supportsReturning(kind)
        && dialect.supportsDataChangeDeltaTable();
  }

  /** Opens {@code SELECT … FROM FINAL|OLD TABLE (}; the caller writes the statement and closes it. */
  static void openDeltaTable(List<Expression<?>> expressions, DmlKind kind, RenderContext r) {
    r.sql.append("SELECT ");
    boolean before = r.unqualified;
    r.unqualified = true;
    Statements.renderSelectList(expressions, Statements.labels(expressions), r);
    r.unqualified = before;
    r.sql.append(kind == DmlKind.DELETE ? " FROM OLD TABLE (" : " FROM FINAL TABLE (");
  }

  static UnsupportedOperationException unsupported(DmlKind kind, Dialect dialect) {
    return new UnsupportedOperationException(dialect.vendor().displayName() + " has no " + kind
        + " ... RETURNING; run a SELECT in the same transaction instead");
  }

  /** Column names to read back as generated keys (empty when RETURNING carries them). */
  static List<String> generatedKeys(List<Expression<?>> expressions, DmlKind kind, Dialect dialect, Table table) {
    if (expressions.isEmpty() || dialect.supportsReturning(kind) || viaDeltaTable(expressions, kind, dialect)) {
      return List.of();
    }
    if (kind != DmlKind.INSERT) {
      throw unsupported(kind, dialect);
    }
    List<String> names = new ArrayList<>(expressions.size());
    for (Expression<?> e : expressions) {
      if (!(e instanceof Column<?> c) || !c.table().sameTableAs(table)) {
        throw new IllegalArgumentException(dialect.vendor().displayName() + " returns inserted values through"
            + " generated keys, so returning(...) takes only columns of " + table.qualifiedName() + "; got " + e);
      }
      names.add(c.name());
    }
    return names;
  }
}
