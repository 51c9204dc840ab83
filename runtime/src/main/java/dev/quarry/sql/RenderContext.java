package dev.quarry.sql;

import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.Fragment;
import java.util.Arrays;
import java.util.Map;

/**
 * The second pass: writes SQL text for one dialect. Each {@code ?} written records which
 * canonical value (from the {@link Collector}) it binds, so the text can be cached and reused
 * with the values of any statement of the same shape, even where a dialect reorders or repeats
 * pieces (MySQL's NULL-ordering emulation writes an expression twice).
 */
final class RenderContext {
  final StringBuilder sql = new StringBuilder(128);
  final Dialect dialect;
  private final Map<Object, Integer> ownerIndex;
  private int[] slots = new int[16];
  private int slotCount;
  /** Columns render without their table (INSERT/UPDATE targets, RETURNING, ORDER BY of a UNION). */
  boolean unqualified;
  /** The selects enclosing the one being rendered ({@link ImplicitFrom}); null at the top. */
  ImplicitFrom.Scope scope;
  /** When non-null, collects the qualified name of every table written in FROM/INTO position ({@link Sql#tablesOf}). */
  java.util.Set<String> tables;

  RenderContext(Dialect dialect, Collector collected) {
    this.dialect = dialect;
    this.ownerIndex = collected.ownerIndex();
  }

  String quote(String identifier) {
    return dialect.quote(identifier);
  }

  RenderContext append(String text) {
    sql.append(text);
    return this;
  }

  RenderContext identifier(String name) {
    sql.append(dialect.quote(name));
    return this;
  }

  /** Writes the name a table's columns are qualified with: its alias, else its (schema-)name. */
  void qualifier(Table t) {
    if (t.alias() != null) {
      sql.append(dialect.quote(t.alias()));
    } else {
      sql.append(dialect.quote(t.schema(), t.name()));
    }
  }

  /** A table in FROM / INTO position: {@code "schema"."name" AS "alias"}. */
  void tableReference(Table t) {
    if (tables != null) {
      tables.add(t.qualifiedName());
    }
    sql.append(dialect.quote(t.schema(), t.name()));
    if (t.alias() != null) {
      sql.append(" AS ").append(dialect.quote(t.alias()));
    }
  }

  void expr(Expression<?> e) {
    Nodes.render(e, this);
  }

  /** Renders {@code e} with its columns unqualified. */
  void unqualified(Expression<?> e) {
    boolean before = unqualified;
    unqualified = true;
    Nodes.render(e, this);
    unqualified = before;
  }

  /** An expression as a dialect fragment. */
  Fragment fragment(Expression<?> e) {
    return b -> Nodes.render(e, this);
  }

  Fragment fragment(Node n) {
    return b -> n.render(this);
  }

  /** Writes {@code ?} for the {@code i}-th value owned by {@code owner}. */
  void bind(Object owner, int i) {
    Integer first = ownerIndex.get(owner);
    if (first == null) {
      throw new IllegalStateException("internal: a value was rendered that was not collected (" + owner + ")");
    }
    if (slotCount == slots.length) {
      slots = Arrays.copyOf(slots, slotCount * 2);
    }
    slots[slotCount++] = first + i;
    sql.append('?');
  }

  Rendered result() {
    return new Rendered(sql.toString(), Arrays.copyOf(slots, slotCount));
  }
}
