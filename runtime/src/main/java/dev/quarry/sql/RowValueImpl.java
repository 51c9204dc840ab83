package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** {@link RowValue}: a row constructor and IN lists of rows. */
final class RowValueImpl implements RowValue {
  private final List<Expression<?>> parts;

  RowValueImpl(List<Expression<?>> parts) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException("a row value needs at least two expressions; compare one expression directly");
    }
    this.parts = List.copyOf(parts);
  }

  @Override
  public Predicate eq(Object... values) {
    return Expr.predicate(new RowInNode(parts, List.of(bind(Arrays.asList(values))), false, true));
  }

  @Override
  public Predicate in(Collection<? extends List<?>> rows) {
    return Expr.predicate(new RowInNode(parts, bindAll(rows), false, false));
  }

  @Override
  public Predicate notIn(Collection<? extends List<?>> rows) {
    return Expr.predicate(new RowInNode(parts, bindAll(rows), true, false));
  }

  private List<List<Parameter>> bindAll(Collection<? extends List<?>> rows) {
    List<List<Parameter>> out = new ArrayList<>(rows.size());
    for (List<?> row : rows) {
      out.add(bind(row));
    }
    return out;
  }

  private List<Parameter> bind(List<?> values) {
    if (values.size() != parts.size()) {
      throw new IllegalArgumentException("row " + values + " has " + values.size() + " values for " + parts.size()
          + " expressions " + parts);
    }
    List<Parameter> row = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Expression<?> e = parts.get(i);
      Object v = values.get(i);
      if (v == null) {
        throw new IllegalArgumentException("row values cannot contain null (it never matches): " + values);
      }
      row.add(new Parameter(Ops.nameOf(e), e.type().cast(v), e.type()));
    }
    return row;
  }

  /** {@code (a, b) [NOT] IN ((?, ?), …)} or {@code (a, b) = (?, ?)}, split above the bind limit. */
  static final class RowInNode implements Node {
    final List<Expression<?>> parts;
    final List<List<Parameter>> rows;
    final boolean negated;
    final boolean equality;

    RowInNode(List<Expression<?>> parts, List<List<Parameter>> rows, boolean negated, boolean equality) {
      this.parts = parts;
      this.rows = rows;
      this.negated = negated;
      this.equality = equality;
    }

    @Override
    public void collect(Collector c) {
      c.token(equality ? "ROW =" : negated ? "ROW NOT IN" : "ROW IN");
      c.token(rows.size());
      Nodes.collectAll(parts, c);
      for (List<Parameter> row : rows) {
        for (Parameter p : row) {
          c.param(this, p);
        }
      }
    }

    @Override
    public void render(RenderContext r) {
      if (rows.isEmpty()) {
        r.sql.append(r.dialect.booleanLiteral(negated));
        return;
      }
      int width = parts.size();
      int perChunk = Math.max(1, r.dialect.maxBindParameters() / width);
      boolean split = rows.size() > perChunk;
      if (split) {
        r.sql.append('(');
      }
      for (int start = 0; start < rows.size(); start += perChunk) {
        if (start > 0) {
          r.sql.append(negated ? " AND " : " OR ");
        }
        r.sql.append('(');
        Nodes.renderAll(parts, r);
        r.sql.append(equality ? ") = " : negated ? ") NOT IN (" : ") IN (");
        int end = Math.min(rows.size(), start + perChunk);
        for (int i = start; i < end; i++) {
          if (i > start) {
            r.sql.append(", ");
          }
          r.sql.append('(');
          for (int j = 0; j < width; j++) {
            if (j > 0) {
              r.sql.append(", ");
            }
            r.bind(this, i * width + j);
          }
          r.sql.append(')');
        }
        if (!equality) {
          r.sql.append(')');
        }
      }
      if (split) {
        r.sql.append(')');
      }
    }
  }
}
