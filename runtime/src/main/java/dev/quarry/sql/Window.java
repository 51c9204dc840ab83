package dev.quarry.sql;

import java.util.List;
import java.util.Objects;

/**
 * A window for window functions: {@code PARTITION BY … ORDER BY … ROWS|RANGE BETWEEN … AND …}.
 * Immutable; every method returns a new window. Start from {@link Sql#window()}.
 */
public final class Window {
  private final List<Expression<?>> partitionBy;
  private final List<Functions.SortNode> orderBy;
  private final String frameUnit;
  private final Bound start;
  private final Bound end;

  private Window(List<Expression<?>> partitionBy, List<Functions.SortNode> orderBy, String frameUnit, Bound start,
      Bound end) {
    this.partitionBy = partitionBy;
    this.orderBy = orderBy;
    this.frameUnit = frameUnit;
    this.start = start;
    this.end = end;
  }

  static final Window EMPTY = new Window(List.of(), List.of(), null, null, null);

  /** Partitions rows by these expressions. */
  public Window partitionBy(Expression<?>... expressions) {
    return new Window(List.of(expressions), orderBy, frameUnit, start, end);
  }

  /** Orders rows within each partition. */
  public Window orderBy(OrderField... fields) {
    return new Window(partitionBy, Functions.sortNodes(fields), frameUnit, start, end);
  }

  /** A frame of physical rows: {@code ROWS BETWEEN start AND end}. */
  public Window rowsBetween(Bound frameStart, Bound frameEnd) {
    return new Window(partitionBy, orderBy, "ROWS", Objects.requireNonNull(frameStart), Objects.requireNonNull(frameEnd));
  }

  /** A frame of peer values: {@code RANGE BETWEEN start AND end}. */
  public Window rangeBetween(Bound frameStart, Bound frameEnd) {
    return new Window(partitionBy, orderBy, "RANGE", Objects.requireNonNull(frameStart),
        Objects.requireNonNull(frameEnd));
  }

  /** {@code UNBOUNDED PRECEDING}. */
  public static Bound unboundedPreceding() {
    return new Bound("UNBOUNDED PRECEDING");
  }

  /** {@code UNBOUNDED FOLLOWING}. */
  public static Bound unboundedFollowing() {
    return new Bound("UNBOUNDED FOLLOWING");
  }

  /** {@code CURRENT ROW}. */
  public static Bound currentRow() {
    return new Bound("CURRENT ROW");
  }

  /** {@code n PRECEDING}; n must be non-negative. */
  public static Bound preceding(int n) {
    return new Bound(checkOffset(n) + " PRECEDING");
  }

  /** {@code n FOLLOWING}; n must be non-negative. */
  public static Bound following(int n) {
    return new Bound(checkOffset(n) + " FOLLOWING");
  }

  private static int checkOffset(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a window frame offset must be a non-negative integer, got " + n);
    }
    return n;
  }

  /** One end of a window frame. Its text is built from constants and a checked integer only. */
  public static final class Bound {
    private final String sql;

    private Bound(String sql) {
      this.sql = sql;
    }

    @Override
    public String toString() {
      return sql;
    }
  }

  void collect(Collector c) {
    Nodes.collectAll(partitionBy, c);
    Functions.collectSorts(orderBy, c);
    c.token(frameUnit);
    if (frameUnit != null) {
      c.token(start.sql);
      c.token(end.sql);
    }
  }

  void render(RenderContext r) {
    r.sql.append('(');
    boolean space = false;
    if (!partitionBy.isEmpty()) {
      r.sql.append("PARTITION BY ");
      Nodes.renderAll(partitionBy, r);
      space = true;
    }
    if (!orderBy.isEmpty()) {
      r.sql.append(space ? " ORDER BY " : "ORDER BY ");
      Functions.renderSorts(orderBy, r);
      space = true;
    }
    if (frameUnit != null) {
      r.sql.append(space ? " " : "").append(frameUnit).append(" BETWEEN ").append(start.sql).append(" AND ")
          .append(end.sql);
    }
    r.sql.append(')');
  }

  /** {@code function OVER (window)}. */
  static final class OverNode implements Node {
    final Expression<?> function;
    final Window window;

    OverNode(Expression<?> function, Window window) {
      this.function = function;
      this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void collect(Collector c) {
      c.token("OVER");
      Nodes.collect(function, c);
      window.collect(c);
    }

    @Override
    public void render(RenderContext r) {
      r.expr(function);
      r.sql.append(" OVER ");
      window.render(r);
    }
  }
}
