package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.sql.dialect.LockWait;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The SELECT statement. Immutable: each builder method works on a copy. */
final class SelectImpl implements Select, QueryNode, Cloneable {
  private static final Object TOKEN = new Nodes.Token("select");

  private List<CommonTable> with = List.of();
  private boolean distinct;
  private List<SelectItem> items;
  private List<TableLike> from = List.of();
  private List<Join> joins = List.of();
  private Predicate where;
  private List<Expression<?>> groupBy = List.of();
  private Predicate having;
  private List<Functions.SortNode> orderBy = List.of();
  private Ops.ValueNode limit;
  private Ops.ValueNode offset;
  private LockWait lock;
  private volatile List<Expression<?>> selection;
  private volatile List<String> labels;

  /** A join: kind, table and condition. */
  record Join(String keyword, TableLike table, Predicate on) {}

  SelectImpl(List<SelectItem> items, boolean distinct) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("select(...) needs at least one column, expression or table");
    }
    this.items = List.copyOf(items);
    this.distinct = distinct;
  }

  private SelectImpl copy() {
    try {
      SelectImpl c = (SelectImpl) super.clone();
      c.selection = null;
      c.labels = null;
      return c;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  private static <E> List<E> plus(List<E> list, List<E> more) {
    List<E> out = new ArrayList<>(list.size() + more.size());
    out.addAll(list);
    out.addAll(more);
    return List.copyOf(out);
  }

  // --- builder ------------------------------------------------------------------------------

  @Override
  public Select from(TableLike... tables) {
    SelectImpl c = copy();
    c.from = plus(from, Arrays.asList(tables));
    return c;
  }

  private Select join(String keyword, TableLike table, Predicate on) {
    if (table == null || on == null) {
      throw new IllegalArgumentException(keyword + " needs a table and an ON condition");
    }
    SelectImpl c = copy();
    c.joins = plus(joins, List.of(new Join(keyword, table, on)));
    return c;
  }

  @Override
  public Select join(TableLike table, Predicate on) {
    return join("JOIN", table, on);
  }

  @Override
  public Select leftJoin(TableLike table, Predicate on) {
    return join("LEFT JOIN", table, on);
  }

  @Override
  public Select rightJoin(TableLike table, Predicate on) {
    return join("RIGHT JOIN", table, on);
  }

  @Override
  public Select fullJoin(TableLike table, Predicate on) {
    return join("FULL JOIN", table, on);
  }

  static Predicate andAll(Predicate existing, Predicate... more) {
    List<Predicate> parts = new ArrayList<>(more.length + 1);
    if (existing != null) {
      parts.add(existing);
    }
    parts.addAll(Arrays.asList(more));
    return parts.size() == 1 ? parts.get(0) : Ops.logical("AND", parts);
  }

  @Override
  public Select where(Predicate... conditions) {
    if (conditions.length == 0) {
      return this;
    }
    SelectImpl c = copy();
    c.where = andAll(where, conditions);
    return c;
  }

  @Override
  public Select groupBy(Expression<?>... expressions) {
    SelectImpl c = copy();
    c.groupBy = plus(groupBy, Arrays.asList(expressions));
    return c;
  }

  @Override
  public Select having(Predicate... conditions) {
    if (conditions.length == 0) {
      return this;
    }
    SelectImpl c = copy();
    c.having = andAll(having, conditions);
    return c;
  }

  @Override
  public Select distinct() {
    SelectImpl c = copy();
    c.distinct = true;
    return c;
  }

  @Override
  public Select with(CommonTable... tables) {
    SelectImpl c = copy();
    c.with = plus(with, Arrays.asList(tables));
    return c;
  }

  @Override
  public Select forUpdate() {
    return forUpdate(LockWait.WAIT);
  }

  @Override
  public Select forUpdate(LockWait wait) {
    SelectImpl c = copy();
    c.lock = wait == null ? LockWait.WAIT : wait;
    return c;
  }

  @Override
  public Select orderBy(OrderField... fields) {
    SelectImpl c = copy();
    c.orderBy = plus(orderBy, Functions.sortNodes(fields));
    return c;
  }

  @Override
  public Select orderBy(String... sortKeys) {
    List<Statements.Named> candidates = new ArrayList<>();
    List<Expression<?>> sel = selection();
    List<String> lab = labels();
    for (int i = 0; i < sel.size(); i++) {
      if (Statements.needsAlias(sel.get(i))) {
        candidates.add(new Statements.Named(lab.get(i), sel.get(i)));
      }
    }
    for (TableLike t : from) {
      candidates.addAll(Statements.columnsOf(t));
    }
    for (Join j : joins) {
      candidates.addAll(Statements.columnsOf(j.table()));
    }
    List<OrderField> fields = new ArrayList<>();
    for (String key : sortKeys) {
      fields.add(Statements.resolveSortKey(key, candidates, "this select"));
    }
    return orderBy(fields.toArray(new OrderField[0]));
  }

  @Override
  public Select limit(int count) {
    SelectImpl c = copy();
    c.limit = Statements.pagingValue("limit", count);
    return c;
  }

  @Override
  public Select offset(int count) {
    SelectImpl c = copy();
    c.offset = Statements.pagingValue("offset", count);
    return c;
  }

  @Override
  public Query union(Query other) {
    return new CompoundQuery(this, "UNION", Statements.queryNode(other));
  }

  @Override
  public Query unionAll(Query other) {
    return new CompoundQuery(this, "UNION ALL", Statements.queryNode(other));
  }

  @Override
  public Query intersect(Query other) {
    return new CompoundQuery(this, "INTERSECT", Statements.queryNode(other));
  }

  @Override
  public Query except(Query other) {
    return new CompoundQuery(this, "EXCEPT", Statements.queryNode(other));
  }

  @Override
  public DerivedTable as(String alias) {
    return new DerivedTableImpl(alias, this);
  }

  @Override
  public <T> Expression<T> asScalar() {
    return Statements.scalar(this);
  }

  // --- node ---------------------------------------------------------------------------------

  @Override
  public List<Expression<?>> selection() {
    List<Expression<?>> s = selection;
    if (s == null) {
      s = List.copyOf(Statements.expand(items));
      selection = s;
    }
    return s;
  }

  @Override
  public List<String> labels() {
    List<String> l = labels;
    if (l == null) {
      l = List.copyOf(Statements.labels(selection()));
      labels = l;
    }
    return l;
  }

  @Override
  public boolean hasTail() {
    return !orderBy.isEmpty() || limit != null || offset != null || lock != null;
  }

  @Override
  public void collect(Collector c) {
    c.token(TOKEN);
    c.token(with.size());
    for (CommonTable t : with) {
      ((CommonTableImpl) t).collectDefinition(c);
    }
    c.token(distinct);
    Nodes.collectAll(selection(), c);
    c.token(from.size());
    for (TableLike t : from) {
      Statements.collectFrom(t, c);
    }
    c.token(joins.size());
    for (Join j : joins) {
      c.token(j.keyword());
      Statements.collectFrom(j.table(), c);
      Nodes.collect(j.on(), c);
    }
    collectOptional(where, c);
    Nodes.collectAll(groupBy, c);
    collectOptional(having, c);
    Functions.collectSorts(orderBy, c);
    collectOptional(limit, c);
    collectOptional(offset, c);
    c.token(lock);
  }

  static void collectOptional(Object nodeOrExpression, Collector c) {
    c.token(nodeOrExpression != null);
    if (nodeOrExpression instanceof Expression<?> e) {
      Nodes.collect(e, c);
    } else if (nodeOrExpression instanceof Node n) {
      n.collect(c);
    }
  }

  @Override
  public void render(RenderContext r) {
    CommonTableImpl.renderWith(with, r);
    r.sql.append(distinct ? "SELECT DISTINCT " : "SELECT ");
    Statements.renderSelectList(selection(), labels(), r);
    if (!from.isEmpty()) {
      r.sql.append(" FROM ");
      for (int i = 0; i < from.size(); i++) {
        if (i > 0) {
          r.sql.append(", ");
        }
        Statements.renderFrom(from.get(i), r);
      }
    }
    for (Join j : joins) {
      if (j.keyword().equals("FULL JOIN") && !r.dialect.supportsFullJoin()) {
        throw new UnsupportedOperationException(r.dialect.vendor().displayName()
            + " has no FULL JOIN; combine a LEFT JOIN and a RIGHT JOIN with unionAll(...)");
      }
      if (j.keyword().equals("RIGHT JOIN") && !r.dialect.supportsRightJoin()) {
        throw new UnsupportedOperationException(r.dialect.vendor().displayName()
            + " has no RIGHT JOIN; swap the tables and use leftJoin(...)");
      }
      r.sql.append(' ').append(j.keyword()).append(' ');
      Statements.renderFrom(j.table(), r);
      r.sql.append(" ON ");
      r.expr(j.on());
    }
    if (where != null) {
      r.sql.append(" WHERE ");
      r.expr(where);
    }
    if (!groupBy.isEmpty()) {
      r.sql.append(" GROUP BY ");
      Nodes.renderAll(groupBy, r);
    }
    if (having != null) {
      r.sql.append(" HAVING ");
      r.expr(having);
    }
    renderTail(orderBy, limit, offset, r);
    if (lock != null) {
      r.dialect.forUpdate(r.sql, lock);
    }
  }

  static void renderTail(List<Functions.SortNode> orderBy, Ops.ValueNode limit, Ops.ValueNode offset,
      RenderContext r) {
    if (!orderBy.isEmpty()) {
      r.sql.append(" ORDER BY ");
      Functions.renderSorts(orderBy, r);
    }
    if (limit != null || offset != null) {
      r.dialect.limitOffset(r.sql, limit == null ? null : r.fragment(limit), offset == null ? null : r.fragment(offset));
    }
  }

  @Override
  public CompiledStatement compile(Vendor vendor) {
    return Statements.compile(this, vendor, Statements.resultColumns(selection(), labels()), List.of());
  }

  @Override
  public String toString() {
    return "Select" + selection();
  }
}
