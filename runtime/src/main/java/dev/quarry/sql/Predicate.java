package dev.quarry.sql;

import java.util.List;

/** A boolean SQL condition, combinable with {@code and}, {@code or} and {@code not}. */
public interface Predicate extends Expression<Boolean> {
  /** {@code this AND other}. */
  default Predicate and(Predicate other) {
    return Ops.logical("AND", List.of(this, other));
  }

  /** {@code this OR other}. */
  default Predicate or(Predicate other) {
    return Ops.logical("OR", List.of(this, other));
  }

  /** {@code NOT (this)}. */
  default Predicate not() {
    return Expr.predicate(new Ops.PrefixNode("NOT ", this));
  }
}
