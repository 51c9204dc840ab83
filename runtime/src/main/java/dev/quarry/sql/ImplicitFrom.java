package dev.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FROM inferred from the select list, as SQLAlchemy does: {@code select(u.name, u.email)} reads
 * {@code FROM users}. The tables of the selected columns are gathered in order of first
 * appearance, not looking into subqueries (they have FROM clauses of their own); tables already in
 * FROM or joined are not added again. A subquery does not add a table its enclosing query reads
 * (SQLAlchemy's auto-correlation), so {@code u.id} in a nested select still refers to the outer row.
 */
final class ImplicitFrom {
  private ImplicitFrom() {}

  /** The FROM items of the selects enclosing the one being collected or rendered, innermost first. */
  record Scope(List<TableLike> from, List<SelectImpl.Join> joins, List<Table> added, Scope outer) {}

  /** The tables of {@code selection}'s columns that neither {@code from} nor {@code joins} has. */
  static List<Table> of(List<Expression<?>> selection, List<TableLike> from, List<SelectImpl.Join> joins) {
    Collector gather = Collector.gathering();
    for (Expression<?> e : selection) {
      Nodes.collect(e, gather);
    }
    List<Table> out = new ArrayList<>();
    for (Table t : gather.gathered) {
      if (!in(t, from, joins) && !contains(out, t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /** {@code implicit} without the tables an enclosing select reads. */
  static List<Table> uncorrelated(List<Table> implicit, Scope scope) {
    if (implicit.isEmpty() || scope == null) {
      return implicit;
    }
    List<Table> out = new ArrayList<>(implicit.size());
    for (Table t : implicit) {
      boolean outer = false;
      for (Scope s = scope; s != null && !outer; s = s.outer()) {
        outer = in(t, s.from(), s.joins()) || contains(s.added(), t);
      }
      if (!outer) {
        out.add(t);
      }
    }
    return out.size() == implicit.size() ? implicit : List.copyOf(out);
  }

  private static boolean in(Table t, List<TableLike> from, List<SelectImpl.Join> joins) {
    for (TableLike f : from) {
      if (same(t, f)) {
        return true;
      }
    }
    for (SelectImpl.Join j : joins) {
      if (same(t, j.table())) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(List<Table> tables, Table t) {
    for (Table x : tables) {
      if (same(t, x)) {
        return true;
      }
    }
    return false;
  }

  /** The same table under the same name (an alias is another FROM item). */
  private static boolean same(Table t, TableLike other) {
    return t == other || other instanceof Table o && o.sameTableAs(t) && Objects.equals(o.alias(), t.alias());
  }
}
