package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.DmlKind;
import dev.quarry.sql.internal.UpsertStyle;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** INSERT, INSERT … SELECT and upserts. Immutable. */
final class InsertImpl implements Insert {
  private static final Object TOKEN = new Nodes.Token("insert");

  final Table table;
  final List<Column<?>> columns;
  final List<List<Expression<?>>> rows;
  final QueryNode query;
  final List<Expression<?>> returning;
  final Upserts.Conflict conflict;

  InsertImpl(Table table) {
    this(Objects.requireNonNull(table, "table"), List.of(), List.of(), null, List.of(), null);
  }

  private InsertImpl(Table table, List<Column<?>> columns, List<List<Expression<?>>> rows, QueryNode query,
      List<Expression<?>> returning, Upserts.Conflict conflict) {
    this.table = table;
    this.columns = columns;
    this.rows = rows;
    this.query = query;
    this.returning = returning;
    this.conflict = conflict;
  }

  private void checkOwnColumn(Column<?> c, List<Column<?>> already) {
    if (!c.table().sameTableAs(table)) {
      throw new IllegalArgumentException("cannot insert into " + c + ": it is not a column of " + table.qualifiedName());
    }
    for (Column<?> x : already) {
      if (x.name().equals(c.name())) {
        throw new IllegalArgumentException("column " + c.name() + " is set twice in this insert into "
            + table.qualifiedName());
      }
    }
  }

  @Override
  public Table table() {
    return table;
  }

  @Override
  public boolean changesExistingRows() {
    return conflict != null && !conflict.doNothing();
  }

  @Override
  public Insert columns(Column<?>... newColumns) {
    if (!columns.isEmpty()) {
      throw new IllegalStateException("columns(...) was already given for this insert into " + table.qualifiedName());
    }
    List<Column<?>> list = new ArrayList<>();
    for (Column<?> c : newColumns) {
      checkOwnColumn(c, list);
      list.add(c);
    }
    return new InsertImpl(table, List.copyOf(list), rows, query, returning, conflict);
  }

  @Override
  public Insert values(Object... values) {
    return rows(List.of(Arrays.asList(values)));
  }

  @Override
  public Insert rows(Iterable<? extends List<?>> newRows) {
    if (query != null) {
      throw new IllegalStateException("an INSERT ... SELECT has no VALUES");
    }
    List<List<Expression<?>>> all = new ArrayList<>(rows);
    for (List<?> values : newRows) {
      all.add(row(values));
    }
    return new InsertImpl(table, columns, List.copyOf(all), query, returning, conflict);
  }

  @Override
  public Insert rowsByColumn(Iterable<? extends java.util.Map<? extends Column<?>, ?>> newRows) {
    InsertImpl insert = this;
    List<List<?>> positional = new ArrayList<>();
    for (java.util.Map<? extends Column<?>, ?> values : newRows) {
      if (insert.columns.isEmpty()) {
        insert = (InsertImpl) insert.columns(values.keySet().toArray(new Column<?>[0]));
      }
      List<Object> row = new ArrayList<>(insert.columns.size());
      for (Column<?> c : insert.columns) {
        if (!values.containsKey(c)) {
          throw new IllegalArgumentException("a row for " + table.qualifiedName() + " has no value for column "
              + c.name() + "; every row gives the columns " + insert.names() + " (use null for NULL)");
        }
        row.add(values.get(c));
      }
      if (values.size() != insert.columns.size()) {
        for (Column<?> c : values.keySet()) {
          if (!insert.columns.contains(c)) {
            throw new IllegalArgumentException("a row for " + table.qualifiedName() + " gives column " + c.name()
                + ", which the other rows do not; every row gives the columns " + insert.names());
          }
        }
      }
      positional.add(row);
    }
    return insert.rows(positional);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Expression<?>> row(List<?> values) {
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException("insert into " + table.qualifiedName() + " has " + columns.size()
          + " columns " + names() + " but the row has " + values.size() + " values");
    }
    List<Expression<?>> row = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      row.add(v instanceof Expression<?> e ? e : Ops.bound((Expression) columns.get(i), v));
    }
    return List.copyOf(row);
  }

  private List<String> names() {
    List<String> n = new ArrayList<>();
    for (Column<?> c : columns) {
      n.add(c.name());
    }
    return n;
  }

  @Override
  public <T> Insert set(Column<T> column, T value) {
    return set(column, Ops.bound(column, value));
  }

  @Override
  public <T> Insert set(Column<T> column, Expression<? extends T> value) {
    Objects.requireNonNull(value, "value (use set(column, (T) null) for NULL)");
    if (rows.size() > 1 || query != null) {
      throw new IllegalStateException("set(...) builds a single-row insert; this one has several rows or a query");
    }
    checkOwnColumn(column, columns);
    List<Column<?>> cols = new ArrayList<>(columns);
    cols.add(column);
    List<Expression<?>> row = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0));
    if (row.size() != columns.size()) {
      throw new IllegalStateException("mixing columns(...) without values and set(...) in one insert");
    }
    row.add(value);
    return new InsertImpl(table, List.copyOf(cols), List.of(List.copyOf(row)), query, returning, conflict);
  }

  @Override
  public Insert select(Query source) {
    if (!rows.isEmpty()) {
      throw new IllegalStateException("this insert already has VALUES; an INSERT ... SELECT cannot have both");
    }
    QueryNode q = Statements.queryNode(source);
    if (!columns.isEmpty() && q.selection().size() != columns.size()) {
      throw new IllegalArgumentException("insert into " + table.qualifiedName() + " names " + columns.size()
          + " columns but the query selects " + q.selection().size());
    }
    return new InsertImpl(table, columns, rows, q, returning, conflict);
  }

  @Override
  public Insert returning(Expression<?>... expressions) {
    return new InsertImpl(table, columns, rows, query, List.copyOf(Arrays.asList(expressions)), conflict);
  }

  @Override
  public ConflictAction onConflict(Column<?>... keys) {
    List<Column<?>> keyList = keys.length == 0 ? table.primaryKey() : List.of(keys);
    if (keyList.isEmpty()) {
      throw new IllegalArgumentException("onConflict() on " + table.qualifiedName()
          + " needs key columns: the table has no primary key");
    }
    for (Column<?> k : keyList) {
      if (!k.table().sameTableAs(table)) {
        throw new IllegalArgumentException("conflict key " + k + " is not a column of " + table.qualifiedName());
      }
    }
    return new Upserts.Action(this, List.copyOf(keyList));
  }

  InsertImpl withConflict(Upserts.Conflict c) {
    return new InsertImpl(table, columns, rows, query, returning, c);
  }

  // --- node ---------------------------------------------------------------------------------

  final Node node = new Node() {
    @Override
    public void collect(Collector c) {
      c.token(TOKEN);
      c.token(table.schema());
      c.token(table.name());
      c.token(columns.size());
      for (Column<?> col : columns) {
        c.token(col.name());
        c.token(col.type()); // MERGE casts values to the column types
      }
      if (LongInserts.applies(c.dialect, InsertImpl.this)) {
        LongInserts.collect(InsertImpl.this, this, c);
      } else {
        c.token(rows.size());
        for (List<Expression<?>> row : rows) {
          Nodes.collectAll(row, c);
        }
      }
      SelectImpl.collectOptional(query, c);
      Upserts.collect(conflict, c);
      Returning.collect(returning, c);
    }

    @Override
    public void render(RenderContext r) {
      if (conflict != null && r.dialect.upsertStyle() == UpsertStyle.MERGE) {
        Upserts.renderMerge(InsertImpl.this, r);
      } else {
        renderInsert(r);
        if (conflict != null) {
          Upserts.renderConflictClause(InsertImpl.this, r);
        }
      }
      Returning.render(returning, DmlKind.INSERT, r);
    }
  };

  private void renderInsert(RenderContext r) {
    r.sql.append("INSERT INTO ").append(r.dialect.quote(table.schema(), table.name()));
    if (columns.isEmpty() && query == null) {
      if (rows.size() > 1) {
        throw new IllegalStateException("a multi-row insert needs columns(...)");
      }
      r.sql.append(r.dialect.insertDefaultValues());
      return;
    }
    renderColumnList(r);
    if (query != null) {
      r.sql.append(' ');
      query.render(r);
      return;
    }
    if (LongInserts.applies(r.dialect, this)) {
      LongInserts.render(this, node, r);
      return;
    }
    r.sql.append(" VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      r.sql.append('(');
      Nodes.renderAll(rows.get(i), r);
      r.sql.append(')');
    }
  }

  void renderColumnList(RenderContext r) {
    if (columns.isEmpty()) {
      return;
    }
    r.sql.append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      r.identifier(columns.get(i).name());
    }
    r.sql.append(')');
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    if (rows.isEmpty() && query == null && !columns.isEmpty()) {
      throw new IllegalStateException("insert into " + table.qualifiedName() + " names columns " + names()
          + " but has no values(...) or select(...)");
    }
    Dialect dialect = Dialect.of(vendor, quoting);
    InsertImpl effective = withClientDefaults();
    return Statements.compile(effective.node, dialect, returning,
        Returning.generatedKeys(returning, DmlKind.INSERT, dialect, table));
  }

  /**
   * Rows beyond the database's bind-parameter limit that cannot go as column arrays
   * ({@link LongInserts}): inserts of as many rows as fit, which the engine runs all or nothing.
   * An insert with RETURNING stays one statement (its rows would have to be merged).
   */
  @Override
  public List<? extends Executable> parts(Vendor vendor, IdentifierQuoting quoting) {
    if (rows.size() < 2 || query != null || !returning.isEmpty()) {
      return List.of(this);
    }
    Dialect dialect = Dialect.of(vendor, quoting);
    int limit = dialect.maxBindParameters();
    InsertImpl effective = withClientDefaults();
    if ((long) rows.size() * effective.columns.size() <= limit / 4 || LongInserts.applies(dialect, effective)) {
      return List.of(this); // far below the limit even at four parameters a value, or one array per column
    }
    // Parameters per row: a value is one, an expression as many as it binds, a client default one more.
    int[] perRow = new int[rows.size()];
    long total = 0;
    for (int i = 0; i < perRow.length; i++) {
      Collector c = new Collector();
      Nodes.collectAll(effective.rows.get(i), c);
      perRow[i] = c.paramCount();
      total += perRow[i];
    }
    if (total <= limit) {
      return List.of(this);
    }
    List<Executable> parts = new ArrayList<>();
    int from = 0;
    int used = 0;
    for (int i = 0; i < perRow.length; i++) {
      if (used + perRow[i] > limit && i > from) {
        parts.add(new InsertImpl(table, columns, rows.subList(from, i), query, returning, conflict));
        from = i;
        used = 0;
      }
      used += perRow[i];
    }
    parts.add(new InsertImpl(table, columns, rows.subList(from, rows.size()), query, returning, conflict));
    return parts;
  }

  /**
   * This insert with a value from each client default ({@link ColumnSpec#clientDefault}) of a
   * column it does not set, computed per row at each compile; this insert itself when none applies.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  InsertImpl withClientDefaults() {
    if (query != null || rows.isEmpty() && !columns.isEmpty()) {
      return this;
    }
    List<Column<?>> missing = null;
    for (Column<?> c : table.columns()) {
      if (c.spec().clientDefault() != null && !setsColumn(c)) {
        if (missing == null) {
          missing = new ArrayList<>();
        }
        missing.add(c);
      }
    }
    if (missing == null) {
      return this;
    }
    List<Column<?>> cols = new ArrayList<>(columns);
    cols.addAll(missing);
    List<List<Expression<?>>> all = new ArrayList<>();
    for (List<Expression<?>> row : rows.isEmpty() ? List.<List<Expression<?>>>of(List.of()) : rows) {
      List<Expression<?>> filled = new ArrayList<>(row);
      for (Column<?> c : missing) {
        filled.add(Ops.bound((Expression) c, c.spec().clientDefault().get()));
      }
      all.add(List.copyOf(filled));
    }
    return new InsertImpl(table, List.copyOf(cols), List.copyOf(all), query, returning, conflict);
  }

  private boolean setsColumn(Column<?> c) {
    for (Column<?> x : columns) {
      if (x.name().equals(c.name())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Insert into " + table.qualifiedName() + names();
  }
}
