package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass over a statement: the tokens that determine its SQL text (its shape) and its
 * bound values in canonical order, each with the node that owns it.
 */
final class Collector {
  private Object[] tokens = new Object[32];
  private int size;
  final List<Parameter> params = new ArrayList<>();
  private final List<Object> owners = new ArrayList<>();

  void token(Object token) {
    if (size == tokens.length) {
      tokens = Arrays.copyOf(tokens, size * 2);
    }
    tokens[size++] = token;
  }

  void token(int value) {
    token(Integer.valueOf(value));
  }

  void token(boolean value) {
    token(Boolean.valueOf(value));
  }

  /** Records a bound value owned by {@code owner} (the node that renders its {@code ?}). */
  void param(Object owner, Parameter p) {
    params.add(p);
    owners.add(owner);
  }

  ShapeKey key() {
    return new ShapeKey(Arrays.copyOf(tokens, size));
  }

  /** Index of each owner's first value; built only when a shape is rendered. */
  Map<Object, Integer> ownerIndex() {
    Map<Object, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < owners.size(); i++) {
      index.putIfAbsent(owners.get(i), i);
    }
    return index;
  }

  /** The shape of a statement for one vendor: equal keys render identical SQL. */
  static final class ShapeKey {
    private final Object[] tokens;
    private final int hash;

    ShapeKey(Object[] tokens) {
      this.tokens = tokens;
      this.hash = Arrays.hashCode(tokens);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ShapeKey k && k.hash == hash && Arrays.equals(k.tokens, tokens);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return Arrays.toString(tokens);
    }
  }
}
