package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.DmlKind;
import dev.quarry.types.Vendor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** DELETE FROM … WHERE … [RETURNING …]. Immutable. */
final class DeleteImpl implements Delete, Node {
  private static final Object TOKEN = new Nodes.Token("delete");

  private final Table table;
  private final Predicate where;
  private final List<Expression<?>> returning;

  DeleteImpl(Table table) {
    this(Objects.requireNonNull(table, "table"), null, List.of());
  }

  private DeleteImpl(Table table, Predicate where, List<Expression<?>> returning) {
    this.table = table;
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
  public Delete where(Predicate... conditions) {
    if (conditions.length == 0) {
      return this;
    }
    return new DeleteImpl(table, SelectImpl.andAll(where, conditions), returning);
  }

  @Override
  public Delete returning(Expression<?>... expressions) {
    return new DeleteImpl(table, where, List.copyOf(Arrays.asList(expressions)));
  }

  @Override
  public void collect(Collector c) {
    c.token(TOKEN);
    c.token(table.schema());
    c.token(table.name());
    c.token(table.alias());
    SelectImpl.collectOptional(where, c);
    Returning.collect(returning, c);
  }

  @Override
  public void render(RenderContext r) {
    boolean delta = Returning.viaDeltaTable(returning, DmlKind.DELETE, r.dialect);
    if (delta) {
      Returning.openDeltaTable(returning, DmlKind.DELETE, r);
    }
    r.sql.append("DELETE FROM ");
    r.tableReference(table);
    if (where != null) {
      r.sql.append(" WHERE ");
      r.expr(where);
    }
    if (delta) {
      r.sql.append(')');
    } else {
      Returning.render(returning, DmlKind.DELETE, r);
    }
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    Dialect dialect = Dialect.of(vendor, quoting);
    return Statements.compile(this, dialect, returning,
        Returning.generatedKeys(returning, DmlKind.DELETE, dialect, table));
  }

  @Override
  public String toString() {
    return "Delete from " + table;
  }
}
