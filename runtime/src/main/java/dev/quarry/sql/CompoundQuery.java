package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code left UNION|UNION ALL|INTERSECT|EXCEPT right}, with its own ORDER BY and paging. Members
 * are written without parentheses (SQLite rejects them); a member that is itself a set operation
 * on the right, or carries its own ORDER BY / LIMIT, is wrapped as a derived table.
 */
final class CompoundQuery implements QueryNode {
  private static final Object TOKEN = new Nodes.Token("compound");

  private final QueryNode left;
  private final String operator;
  private final QueryNode right;
  private final List<Functions.SortNode> orderBy;
  private final Ops.ValueNode limit;
  private final Ops.ValueNode offset;

  CompoundQuery(QueryNode left, String operator, QueryNode right) {
    this(left, operator, right, List.of(), null, null);
    if (left.selection().size() != right.selection().size()) {
      throw new IllegalArgumentException(operator + " needs queries with the same number of columns: "
          + left.selection().size() + " and " + right.selection().size());
    }
  }

  private CompoundQuery(QueryNode left, String operator, QueryNode right, List<Functions.SortNode> orderBy,
      Ops.ValueNode limit, Ops.ValueNode offset) {
    this.left = left;
    this.operator = operator;
    this.right = right;
    this.orderBy = orderBy;
    this.limit = limit;
    this.offset = offset;
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

  /** Sort items of a set operation name its output columns, so columns render unqualified. */
  @Override
  public Query orderBy(OrderField... fields) {
    List<Functions.SortNode> sorts = new ArrayList<>(orderBy);
    sorts.addAll(Functions.sortNodes(fields));
    return new CompoundQuery(left, operator, right, List.copyOf(sorts), limit, offset);
  }

  @Override
  public Query orderBy(String... sortKeys) {
    List<Statements.Named> candidates = new ArrayList<>();
    for (String label : labels()) {
      candidates.add(new Statements.Named(label, Expr.wrap(new Functions.FieldRefNode(null, label),
          selection().get(labels().indexOf(label)).type())));
    }
    List<OrderField> fields = new ArrayList<>();
    for (String key : sortKeys) {
      fields.add(Statements.resolveSortKey(key, candidates, "this " + operator));
    }
    return orderBy(fields.toArray(new OrderField[0]));
  }

  @Override
  public Query limit(int count) {
    return new CompoundQuery(left, operator, right, orderBy, Statements.pagingValue("limit", count), offset);
  }

  @Override
  public Query offset(int count) {
    return new CompoundQuery(left, operator, right, orderBy, limit, Statements.pagingValue("offset", count));
  }

  @Override
  public DerivedTable as(String alias) {
    return new DerivedTableImpl(alias, this);
  }

  @Override
  public <T> Expression<T> asScalar() {
    return Statements.scalar(this);
  }

  @Override
  public List<Expression<?>> selection() {
    return left.selection();
  }

  @Override
  public List<String> labels() {
    return left.labels();
  }

  @Override
  public boolean hasTail() {
    return !orderBy.isEmpty() || limit != null || offset != null;
  }

  @Override
  public void collect(Collector c) {
    if (c.gathered != null) {
      return; // a subquery's columns are its own FROM's
    }
    c.token(TOKEN);
    c.token(operator);
    left.collect(c);
    right.collect(c);
    Functions.collectSorts(orderBy, c);
    SelectImpl.collectOptional(limit, c);
    SelectImpl.collectOptional(offset, c);
  }

  @Override
  public void render(RenderContext r) {
    renderMember(left, false, r);
    r.sql.append(' ').append(operator).append(' ');
    renderMember(right, true, r);
    boolean before = r.unqualified;
    r.unqualified = true;
    SelectImpl.renderTail(orderBy, limit, offset, r);
    r.unqualified = before;
  }

  private static void renderMember(QueryNode member, boolean isRight, RenderContext r) {
    if (member.hasTail() || (isRight && member instanceof CompoundQuery)) {
      r.sql.append("SELECT * FROM (");
      member.render(r);
      r.sql.append(") AS ").append(r.quote(isRight ? "set_right" : "set_left"));
    } else {
      member.render(r);
    }
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    return Statements.compile(this, Dialect.of(vendor, quoting), selection(), List.of());
  }
}
