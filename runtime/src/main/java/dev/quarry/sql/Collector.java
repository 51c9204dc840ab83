package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import dev.quarry.sql.internal.Dialect;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The first pass over a statement: the tokens that determine its SQL text (its shape) and its
 * bound values in canonical order, each with the node that owns it.
 *
 * <p>This pass runs on every compile, cache hit or not, so it is kept cheap: {@link #acquire}
 * lends the thread's collector, whose token array is reused from call to call (tokens are shape
 * data — names, operators, counts — never values), the shape's hash is accumulated token by
 * token, and the values go to a fresh array sized from the thread's previous statement, which the
 * compiled statement then takes over without a copy. Owners are recorded only by collectors that
 * render ({@link #recording}): a cache hit does not need them.
 */
final class Collector {
  private static final int INITIAL_TOKENS = 64;
  private static final int INITIAL_PARAMS = 8;
  /** A thread keeps its token array only up to this length, so one huge statement does not pin memory. */
  private static final int MAX_KEPT_TOKENS = 1024;
  private static final int MAX_PARAMS_HINT = 64;
  private static final Parameter[] NO_PARAMS = {};

  /**
   * Softly referenced so that a pooled thread (an application server's) does not pin this class
   * and its loader after an undeploy; a cleared reference just means a new collector.
   */
  private static final ThreadLocal<SoftReference<Collector>> PER_THREAD = new ThreadLocal<>();

  private Object[] tokens;
  private int size;
  private int hash = 1;
  private Parameter[] params;
  private int paramCount;
  /** Length for the next fresh parameter array: the thread's last statement's count. */
  private int paramsHint = INITIAL_PARAMS;
  /** The owner of each value; null unless this collector renders. */
  private Object[] owners;
  /** The reusable lookup key of a lent collector; null for one-off collectors. */
  private final ShapeKey probe;
  private boolean lent;
  /** The dialect compiled for, when known; a few nodes choose their shape by it (long IN lists). */
  Dialect dialect;
  /** The selects enclosing the one being collected ({@link ImplicitFrom}); null at the top. */
  ImplicitFrom.Scope scope;
  /**
   * The tables of the columns collected, for a collector that only gathers them (FROM
   * inference); null otherwise. Queries do not collect into such a collector.
   */
  java.util.List<Table> gathered;

  /** A one-off collector without a dialect that records owners (expression equality, debugging text). */
  Collector() {
    this(null, true, false);
  }

  private Collector(Dialect dialect, boolean recordOwners, boolean reusable) {
    this.dialect = dialect;
    this.tokens = new Object[INITIAL_TOKENS];
    this.owners = recordOwners ? new Object[INITIAL_PARAMS] : null;
    this.probe = reusable ? new ShapeKey(tokens, 0, 1) : null;
  }

  /** A one-off collector that gathers the tables of the columns it sees ({@link #gathered}). */
  static Collector gathering() {
    Collector c = new Collector(null, false, false);
    c.gathered = new java.util.ArrayList<>();
    return c;
  }

  /** A one-off collector for {@code dialect} that records owners, for rendering. */
  static Collector recording(Dialect dialect) {
    return new Collector(dialect, true, false);
  }

  /**
   * The calling thread's collector, empty, for looking up a statement compiled for
   * {@code dialect}; a fresh one when the thread's is in use (a compile started while
   * collecting). It records no owners. Give it back with {@link #release}.
   */
  static Collector acquire(Dialect dialect) {
    SoftReference<Collector> ref = PER_THREAD.get();
    Collector c = ref == null ? null : ref.get();
    if (c == null) {
      c = new Collector(dialect, false, true);
      PER_THREAD.set(new SoftReference<>(c));
    } else if (c.lent) {
      return new Collector(dialect, false, false);
    }
    c.lent = true;
    c.dialect = dialect;
    return c;
  }

  /**
   * Ends a use started by {@link #acquire}. The parameter array is dropped, not cleared: it was
   * handed over to a compiled statement or is garbage, and either way no longer this collector's.
   */
  void release() {
    if (probe == null) {
      return;
    }
    if (tokens.length > MAX_KEPT_TOKENS) {
      tokens = new Object[INITIAL_TOKENS];
    }
    if (paramCount > 0) {
      // Capped: the array is handed over, and a huge IN list must not size every later one.
      paramsHint = Math.min(paramCount, MAX_PARAMS_HINT);
    }
    params = null;
    paramCount = 0;
    size = 0;
    hash = 1;
    dialect = null;
    scope = null;
    lent = false;
  }

  void token(Object token) {
    add(token, hashOf(token));
  }

  void token(int value) {
    add(Integer.valueOf(value), Integer.hashCode(value));
  }

  void token(boolean value) {
    add(Boolean.valueOf(value), Boolean.hashCode(value));
  }

  /** Appends {@code token}, whose {@code hashCode()} is {@code tokenHash}. */
  private void add(Object token, int tokenHash) {
    if (size == tokens.length) {
      tokens = Arrays.copyOf(tokens, size * 2);
    }
    tokens[size++] = token;
    hash = 31 * hash + tokenHash;
  }

  /**
   * {@code token.hashCode()}, without a megamorphic call for the common token classes (all final,
   * with cached or cheap hashes).
   */
  private static int hashOf(Object token) {
    if (token instanceof Nodes.NameToken n) {
      return n.hashCode();
    } else if (token instanceof Nodes.Token t) {
      return t.hashCode();
    } else if (token instanceof String s) {
      return s.hashCode();
    } else if (token instanceof Integer i) {
      return i.hashCode();
    } else if (token instanceof Boolean b) {
      return b.hashCode();
    }
    return token == null ? 0 : token.hashCode();
  }

  /** Records a bound value owned by {@code owner} (the node that renders its {@code ?}). */
  void param(Object owner, Parameter p) {
    if (params == null) {
      params = new Parameter[paramsHint];
    } else if (paramCount == params.length) {
      params = Arrays.copyOf(params, paramCount * 2);
    }
    if (owners != null) {
      if (paramCount == owners.length) {
        owners = Arrays.copyOf(owners, paramCount * 2);
      }
      owners[paramCount] = owner;
    }
    params[paramCount++] = p;
  }

  /** Number of values collected. */
  int paramCount() {
    return paramCount;
  }

  /** The {@code i}-th value in canonical order. */
  Parameter param(int i) {
    return params[i];
  }

  /**
   * The array holding the {@link #paramCount()} values, for a compiled statement to take over;
   * the collector must not collect afterwards (only {@link #release} it).
   */
  Parameter[] paramArray() {
    return params == null ? NO_PARAMS : params;
  }

  /** Whether both collected the same values (by {@link Parameter#equals}) in the same order. */
  boolean sameParams(Collector other) {
    return Arrays.equals(paramArray(), 0, paramCount, other.paramArray(), 0, other.paramCount);
  }

  /** A hash of the values, consistent with {@link #sameParams}. */
  int paramsHash() {
    int h = 1;
    for (int i = 0; i < paramCount; i++) {
      h = 31 * h + params[i].hashCode();
    }
    return h;
  }

  /**
   * The shape, for looking up; valid until the collector collects again or is released. Keep
   * {@link ShapeKey#copy()} of it, never the key itself.
   */
  ShapeKey key() {
    if (probe != null) {
      probe.reset(tokens, size, hash);
      return probe;
    }
    return new ShapeKey(tokens, size, hash);
  }

  /** Index of each owner's first value, for rendering; only for a {@link #recording} collector. */
  Map<Object, Integer> ownerIndex() {
    if (owners == null) {
      throw new IllegalStateException("internal: this collector does not record owners");
    }
    Map<Object, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < paramCount; i++) {
      index.putIfAbsent(owners[i], i);
    }
    return index;
  }

  /**
   * The shape of a statement for one vendor: equal keys render identical SQL. A collector's key
   * shares (and, for a lent collector, later reuses) the collector's arrays: the render cache
   * stores a {@link #copy()}.
   */
  static final class ShapeKey {
    private Object[] tokens;
    private int size;
    private int hash;

    ShapeKey(Object[] tokens, int size, int hash) {
      reset(tokens, size, hash);
    }

    private void reset(Object[] tokens, int size, int hash) {
      this.tokens = tokens;
      this.size = size;
      this.hash = hash;
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
    ShapeKey copy() {
      return new ShapeKey(Arrays.copyOf(tokens, size), size, hash);
    }

    @Override
    public String toString() {
      return Arrays.toString(Arrays.copyOf(tokens, size));
    }
  }
}
