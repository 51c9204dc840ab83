package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.DmlKind;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** UPDATE … SET … WHERE … [RETURNING …]. Immutable. */
final class UpdateImpl implements Update, Node {
  private static final Object TOKEN = new Nodes.Token("update");

  private final Table table;
  private final List<Assignment> assignments;
  private final Predicate where;
  private final List<Expression<?>> returning;

  UpdateImpl(Table table) {
    this(Objects.requireNonNull(table, "table"), List.of(), null, List.of());
  }

  private UpdateImpl(Table table, List<Assignment> assignments, Predicate where, List<Expression<?>> returning) {
    this.table = table;
    this.assignments = assignments;
    this.where = where;
    this.returning = returning;
  }

  @Override
  public Table table() {
    return table;
  }

  @Override
  public boolean changesExistingRows() {
    return true;
  }

  @Override
  public <T> Update set(Column<T> column, T value) {
    return set(column, Ops.bound(column, value));
  }

  @Override
  public <T> Update set(Column<T> column, Expression<? extends T> value) {
    return assign(column, value);
  }

  private Update assign(Column<?> column, Expression<?> value) {
    if (!column.table().sameTableAs(table)) {
      throw new IllegalArgumentException("cannot update " + column + ": it is not a column of " + table.qualifiedName());
    }
    for (Assignment a : assignments) {
      if (a.column.name().equals(column.name())) {
        throw new IllegalArgumentException("column " + column.name() + " is set twice in this update");
      }
    }
    List<Assignment> list = new ArrayList<>(assignments);
    list.add(new Assignment(column, value));
    return new UpdateImpl(table, List.copyOf(list), where, returning);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Update setNull(Column<?> column) {
    return assign(column, Ops.bound((Column) column, null));
  }

  @Override
  public Update where(Predicate... conditions) {
    if (conditions.length == 0) {
      return this;
    }
    return new UpdateImpl(table, assignments, SelectImpl.andAll(where, conditions), returning);
  }

  @Override
  public Update returning(Expression<?>... expressions) {
    return new UpdateImpl(table, assignments, where, List.copyOf(Arrays.asList(expressions)));
  }

  @Override
  public void collect(Collector c) {
    c.token(TOKEN);
    c.token(table.schema());
    c.token(table.name());
    c.token(table.alias());
    c.token(assignments.size());
    for (Assignment a : assignments) {
      a.collect(c);
    }
    SelectImpl.collectOptional(where, c);
    Returning.collect(returning, c);
  }

  @Override
  public void render(RenderContext r) {
    boolean delta = Returning.viaDeltaTable(returning, DmlKind.UPDATE, r.dialect);
    if (delta) {
      Returning.openDeltaTable(returning, DmlKind.UPDATE, r);
    }
    r.sql.append("UPDATE ");
    r.tableReference(table);
    r.sql.append(" SET ");
    Upserts.renderAssignments(assignments, r);
    if (where != null) {
      r.sql.append(" WHERE ");
      r.expr(where);
    }
    if (delta) {
      r.sql.append(')');
    } else {
      Returning.render(returning, DmlKind.UPDATE, r);
    }
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    if (assignments.isEmpty()) {
      throw new IllegalStateException("update of " + table.qualifiedName() + " has no set(...)");
    }
    Dialect dialect = Dialect.of(vendor, quoting);
    return Statements.compile(this, dialect, returning,
        Returning.generatedKeys(returning, DmlKind.UPDATE, dialect, table));
  }

  @Override
  public String toString() {
    return "Update " + table + " set " + assignments;
  }
}
