package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;

/** The SELECT statement. Immutable: each builder method works on a copy. */
final class SelectImpl implements Select, QueryNode {
  private static final Object TOKEN = new Nodes.Token("select");

  /**
   * The clauses. A state is copied by each builder method and never changed once a select holds
   * it; the select's final field publishes it safely to other threads.
   */
  private static final class State implements Cloneable {
    List<CommonTable> with = List.of();
    boolean distinct;
    List<SelectItem> items;
    List<TableLike> from = List.of();
    List<Join> joins = List.of();
    Predicate where;
    List<Expression<?>> groupBy = List.of();
    Predicate having;
    List<Functions.SortNode> orderBy = List.of();
    Ops.ValueNode limit;
    Ops.ValueNode offset;
    LockWait lock;

    State copy() {
      try {
        return (State) super.clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private final State s;
  private volatile List<Expression<?>> selection;
  private volatile List<String> labels;
  /** Per GROUP BY / ORDER BY item, the select-list item it may refer to, or -1 ({@link SelectItemRefs}). */
  private volatile int[] groupRefs;
  private volatile int[] orderRefs;
  /** Tables of selected columns missing from FROM and joins ({@link ImplicitFrom}). */
  private volatile List<Table> implicitFrom;

  /** A join: kind, table and condition. */
  record Join(String keyword, TableLike table, Predicate on) {}

  SelectImpl(List<SelectItem> items, boolean distinct) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("select(...) needs at least one column, expression or table");
    }
    State st = new State();
    st.items = List.copyOf(items);
    st.distinct = distinct;
    this.s = st;
  }

  private SelectImpl(State s) {
    this.s = s;
  }

  /** {@code list} followed by {@code more}, immutable; no copy where one of them is empty and immutable. */
  private static <E> List<E> plus(List<E> list, List<E> more) {
    if (list.isEmpty()) {
      return List.copyOf(more);
    }
    List<E> out = new ArrayList<>(list.size() + more.size());
    out.addAll(list);
    out.addAll(more);
    return List.copyOf(out);
  }

  // --- builder ------------------------------------------------------------------------------

  @Override
  public Select from(TableLike... tables) {
    State c = s.copy();
    c.from = plus(s.from, List.of(tables));
    return new SelectImpl(c);
  }

  private Select join(String keyword, TableLike table, Predicate on) {
    if (table == null || on == null) {
      throw new IllegalArgumentException(keyword + " needs a table and an ON condition");
    }
    State c = s.copy();
    c.joins = plus(s.joins, List.of(new Join(keyword, table, on)));
    return new SelectImpl(c);
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
    if (existing == null) {
      return more.length == 1 ? more[0] : Ops.logical("AND", more);
    }
    Predicate[] parts = new Predicate[more.length + 1];
    parts[0] = existing;
    System.arraycopy(more, 0, parts, 1, more.length);
    return Ops.logical("AND", parts);
  }

  @Override
  public Select where(Predicate... conditions) {
    if (conditions.length == 0) {
      return this;
    }
    State c = s.copy();
    c.where = andAll(s.where, conditions);
    return new SelectImpl(c);
  }

  @Override
  public Select groupBy(Expression<?>... expressions) {
    State c = s.copy();
    c.groupBy = plus(s.groupBy, List.of(expressions));
    return new SelectImpl(c);
  }

  @Override
  public Select having(Predicate... conditions) {
    if (conditions.length == 0) {
      return this;
    }
    State c = s.copy();
    c.having = andAll(s.having, conditions);
    return new SelectImpl(c);
  }

  @Override
  public Select distinct() {
    State c = s.copy();
    c.distinct = true;
    return new SelectImpl(c);
  }

  @Override
  public Select with(CommonTable... tables) {
    State c = s.copy();
    c.with = plus(s.with, List.of(tables));
    return new SelectImpl(c);
  }

  @Override
  public Select forUpdate() {
    return forUpdate(LockWait.WAIT);
  }

  @Override
  public Select forUpdate(LockWait wait) {
    State c = s.copy();
    c.lock = wait == null ? LockWait.WAIT : wait;
    return new SelectImpl(c);
  }

  @Override
  public Select orderBy(OrderField... fields) {
    State c = s.copy();
    c.orderBy = plus(s.orderBy, Functions.sortNodes(fields));
    return new SelectImpl(c);
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
    for (TableLike t : s.from) {
      candidates.addAll(Statements.columnsOf(t));
    }
    for (Join j : s.joins) {
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
    State c = s.copy();
    c.limit = Statements.pagingValue("limit", count);
    return new SelectImpl(c);
  }

  @Override
  public Select offset(int count) {
    State c = s.copy();
    c.offset = Statements.pagingValue("offset", count);
    return new SelectImpl(c);
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
    List<Expression<?>> sel = selection;
    if (sel == null) {
      sel = Statements.expand(s.items);
      selection = sel;
    }
    return sel;
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

  private List<Table> implicitFrom() {
    List<Table> t = implicitFrom;
    if (t == null) {
      t = ImplicitFrom.of(selection(), s.from, s.joins);
      implicitFrom = t;
    }
    return t;
  }

  private int[] groupRefs() {
    int[] refs = groupRefs;
    if (refs == null) {
      refs = SelectItemRefs.of(s.groupBy, selection());
      groupRefs = refs;
    }
    return refs;
  }

  private int[] orderRefs() {
    int[] refs = orderRefs;
    if (refs == null) {
      refs = SelectItemRefs.of(SelectItemRefs.operands(s.orderBy), selection());
      orderRefs = refs;
    }
    return refs;
  }

  @Override
  public boolean hasTail() {
    return !s.orderBy.isEmpty() || s.limit != null || s.offset != null || s.lock != null;
  }

  @Override
  public void collect(Collector c) {
    if (c.gathered != null) {
      return; // a subquery's columns are its own FROM's
    }
    List<Table> added = ImplicitFrom.uncorrelated(implicitFrom(), c.scope);
    ImplicitFrom.Scope outer = c.scope;
    c.scope = new ImplicitFrom.Scope(s.from, s.joins, added, outer);
    try {
      collectClauses(added, c);
    } finally {
      c.scope = outer;
    }
  }

  private void collectClauses(List<Table> added, Collector c) {
    c.token(TOKEN);
    c.token(s.with.size());
    for (CommonTable t : s.with) {
      ((CommonTableImpl) t).collectDefinition(c);
    }
    c.token(s.distinct);
    Nodes.collectAll(selection(), c);
    c.token(s.from.size());
    for (TableLike t : s.from) {
      Statements.collectFrom(t, c);
    }
    c.token(added.size());
    for (Table t : added) {
      Statements.collectFrom(t, c);
    }
    c.token(s.joins.size());
    for (Join j : s.joins) {
      c.token(j.keyword());
      Statements.collectFrom(j.table(), c);
      Nodes.collect(j.on(), c);
    }
    collectOptional(s.where, c);
    boolean refer = c.dialect != null && c.dialect.refersToSelectItems();
    SelectItemRefs.collectGroupBy(s.groupBy, groupRefs(), refer, c);
    collectOptional(s.having, c);
    SelectItemRefs.collectSorts(s.orderBy, orderRefs(), refer, c);
    collectOptional(s.limit, c);
    collectOptional(s.offset, c);
    c.token(s.lock);
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
    List<Table> added = ImplicitFrom.uncorrelated(implicitFrom(), r.scope);
    ImplicitFrom.Scope outer = r.scope;
    r.scope = new ImplicitFrom.Scope(s.from, s.joins, added, outer);
    try {
      renderClauses(added, r);
    } finally {
      r.scope = outer;
    }
  }

  private void renderClauses(List<Table> added, RenderContext r) {
    CommonTableImpl.renderWith(s.with, r);
    r.sql.append(s.distinct ? "SELECT DISTINCT " : "SELECT ");
    Statements.renderSelectList(selection(), labels(), r);
    if (!s.from.isEmpty() || !added.isEmpty()) {
      r.sql.append(" FROM ");
      for (int i = 0; i < s.from.size(); i++) {
        if (i > 0) {
          r.sql.append(", ");
        }
        Statements.renderFrom(s.from.get(i), r);
      }
      for (int i = 0; i < added.size(); i++) {
        if (i > 0 || !s.from.isEmpty()) {
          r.sql.append(", ");
        }
        Statements.renderFrom(added.get(i), r);
      }
    }
    for (Join j : s.joins) {
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
    if (s.where != null) {
      r.sql.append(" WHERE ");
      r.expr(s.where);
    }
    if (!s.groupBy.isEmpty()) {
      r.sql.append(" GROUP BY ");
      SelectItemRefs.renderGroupBy(s.groupBy, groupRefs(), labels(), r);
    }
    if (s.having != null) {
      r.sql.append(" HAVING ");
      r.expr(s.having);
    }
    if (!s.orderBy.isEmpty()) {
      r.sql.append(" ORDER BY ");
      SelectItemRefs.renderSorts(s.orderBy, orderRefs(), labels(), r);
    }
    renderTail(List.of(), s.limit, s.offset, r);
    if (s.lock != null) {
      r.dialect.forUpdate(r.sql, s.lock);
    }
  }

  static void renderTail(List<Functions.SortNode> orderBy, Ops.ValueNode limit, Ops.ValueNode offset,
      RenderContext r) {
    if (!orderBy.isEmpty()) {
      r.sql.append(" ORDER BY ");
      Functions.renderSorts(orderBy, r);
    }
    if (limit != null || offset != null) {
      r.dialect.limitOffset(r.sql, limit == null ? null : r.fragment(limit),
          offset == null ? null : r.fragment(offset));
    }
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    return Statements.compile(this, Dialect.of(vendor, quoting), selection(), List.of());
  }

  @Override
  public String toString() {
    return "Select" + selection();
  }
}
