package dev.quarry.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Upsert clauses in the three spellings: {@code ON CONFLICT} (PostgreSQL, SQLite),
 * {@code ON DUPLICATE KEY UPDATE} (MySQL/MariaDB) and standard {@code MERGE} (H2).
 */
final class Upserts {
  private Upserts() {}

  /** The alias of the inserted row in a MERGE source (and how {@link Sql#excluded} reads it there). */
  static final String SOURCE_ALIAS = "excluded";

  /** Conflict keys and the action: nothing (empty assignments and doNothing) or assignments. */
  record Conflict(List<Column<?>> keys, boolean doNothing, List<Assignment> assignments) {}

  /** The {@link ConflictAction} of an insert. */
  record Action(InsertImpl insert, List<Column<?>> keys) implements ConflictAction {
    @Override
    public Insert doNothing() {
      return insert.withConflict(new Conflict(keys, true, List.of()));
    }

    @Override
    public Insert doUpdate(Column<?>... fromInsertedRow) {
      if (fromInsertedRow.length == 0) {
        throw new IllegalArgumentException("doUpdate() needs the columns to overwrite; use doNothing() to keep the row");
      }
      List<Assignment> list = new ArrayList<>();
      for (Column<?> c : fromInsertedRow) {
        list.add(new Assignment(c, Sql.excluded(c)));
      }
      return insert.withConflict(new Conflict(keys, false, List.copyOf(list)));
    }

    @Override
    public Insert doUpdate(Assignment... assignments) {
      if (assignments.length == 0) {
        throw new IllegalArgumentException("doUpdate() needs assignments; use doNothing() to keep the row");
      }
      return insert.withConflict(new Conflict(keys, false, List.of(assignments)));
    }
  }

  static void collect(Conflict conflict, Collector c) {
    c.token(conflict != null);
    if (conflict == null) {
      return;
    }
    c.token(conflict.keys().size());
    for (Column<?> k : conflict.keys()) {
      c.token(k.name());
    }
    c.token(conflict.doNothing());
    c.token(conflict.assignments().size());
    for (Assignment a : conflict.assignments()) {
      a.collect(c);
    }
  }

  /** {@code ON CONFLICT (…) DO …} or {@code ON DUPLICATE KEY UPDATE …}. */
  static void renderConflictClause(InsertImpl insert, RenderContext r) {
    Conflict conflict = insert.conflict;
    switch (r.dialect.upsertStyle()) {
      case ON_CONFLICT:
        r.sql.append(" ON CONFLICT (");
        for (int i = 0; i < conflict.keys().size(); i++) {
          if (i > 0) {
            r.sql.append(", ");
          }
          r.identifier(conflict.keys().get(i).name());
        }
        r.sql.append(conflict.doNothing() ? ") DO NOTHING" : ") DO UPDATE SET ");
        renderAssignments(conflict.assignments(), r);
        break;
      case ON_DUPLICATE_KEY:
        r.sql.append(" ON DUPLICATE KEY UPDATE ");
        if (conflict.doNothing()) {
          // A no-op assignment: unlike INSERT IGNORE it does not also swallow other errors.
          String key = r.quote(conflict.keys().get(0).name());
          r.sql.append(key).append(" = ").append(key);
        } else {
          renderAssignments(conflict.assignments(), r);
        }
        break;
      default:
        throw new IllegalStateException("MERGE upserts render as a whole statement");
    }
  }

  static void renderAssignments(List<Assignment> assignments, RenderContext r) {
    for (int i = 0; i < assignments.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      assignments.get(i).render(r);
    }
  }

  /**
   * {@code MERGE INTO t USING (VALUES …) AS "excluded" (cols) ON keys WHEN MATCHED THEN UPDATE …
   * WHEN NOT MATCHED THEN INSERT …}. Values are cast to the column types: a bare {@code ?} in a
   * VALUES list has no type to infer.
   */
  static void renderMerge(InsertImpl insert, RenderContext r) {
    Conflict conflict = insert.conflict;
    Table table = insert.table;
    if (insert.columns.isEmpty()) {
      throw new IllegalArgumentException("an upsert into " + table.qualifiedName() + " needs columns(...) or set(...)");
    }
    for (Column<?> k : conflict.keys()) {
      if (insert.columns.stream().noneMatch(c -> c.name().equals(k.name()))) {
        throw new IllegalArgumentException("conflict key " + k.name() + " must be one of the inserted columns");
      }
    }
    String source = r.quote(SOURCE_ALIAS);
    r.sql.append("MERGE INTO ").append(r.dialect.quote(table.schema(), table.name())).append(" USING (");
    if (insert.query != null) {
      insert.query.render(r);
    } else {
      r.sql.append("VALUES ");
      for (int i = 0; i < insert.rows.size(); i++) {
        if (i > 0) {
          r.sql.append(", ");
        }
        r.sql.append('(');
        List<Expression<?>> row = insert.rows.get(i);
        for (int j = 0; j < row.size(); j++) {
          if (j > 0) {
            r.sql.append(", ");
          }
          r.sql.append("CAST(");
          r.expr(row.get(j));
          r.sql.append(" AS ").append(r.dialect.castTypeName(insert.columns.get(j).type())).append(')');
        }
        r.sql.append(')');
      }
    }
    r.sql.append(") AS ").append(source);
    insert.renderColumnList(r);
    r.sql.append(" ON ");
    for (int i = 0; i < conflict.keys().size(); i++) {
      if (i > 0) {
        r.sql.append(" AND ");
      }
      String key = r.quote(conflict.keys().get(i).name());
      r.sql.append(r.dialect.quote(table.schema(), table.name())).append('.').append(key).append(" = ")
          .append(source).append('.').append(key);
    }
    if (!conflict.doNothing()) {
      r.sql.append(" WHEN MATCHED THEN UPDATE SET ");
      renderAssignments(conflict.assignments(), r);
    }
    r.sql.append(" WHEN NOT MATCHED THEN INSERT");
    insert.renderColumnList(r);
    r.sql.append(" VALUES (");
    for (int i = 0; i < insert.columns.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      r.sql.append(source).append('.').append(r.quote(insert.columns.get(i).name()));
    }
    r.sql.append(')');
  }
}
