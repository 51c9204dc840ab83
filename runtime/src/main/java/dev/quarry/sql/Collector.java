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
  private Object[] tokens = new Object[64];
  private int size;
  final List<Parameter> params = new ArrayList<>();
  private final List<Object> owners = new ArrayList<>();
  private ShapeKey key;
  /** The dialect compiled for, when known; a few nodes choose their shape by it (long IN lists). */
  final dev.quarry.sql.dialect.Dialect dialect;

  Collector() {
    this(null);
  }

  Collector(dev.quarry.sql.dialect.Dialect dialect) {
    this.dialect = dialect;
  }

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

  /** The shape; the collector must not be used for collecting afterwards (the key shares its tokens). */
  ShapeKey key() {
    ShapeKey k = key;
    if (k == null) {
      k = new ShapeKey(tokens, size);
      key = k;
    }
    return k;
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
    private final int size;
    private final int hash;

    ShapeKey(Object[] tokens, int size) {
      this.tokens = tokens;
      this.size = size;
      int h = 1;
      for (int i = 0; i < size; i++) {
        h = 31 * h + (tokens[i] == null ? 0 : tokens[i].hashCode());
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ShapeKey k && k.hash == hash && k.size == size
          && Arrays.equals(k.tokens, 0, size, tokens, 0, size);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    /** This key with its own array of exactly its tokens, for keeping in the cache. */
    ShapeKey trimmed() {
      return tokens.length == size ? this : new ShapeKey(Arrays.copyOf(tokens, size), size);
    }

    @Override
    public String toString() {
      return Arrays.toString(Arrays.copyOf(tokens, size));
    }
  }
}
