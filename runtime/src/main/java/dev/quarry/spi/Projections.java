package dev.quarry.spi;

import dev.quarry.engine.CursorReader;
import dev.quarry.engine.ProjectionException;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the generated {@link RowProjection} of a record class and binds it to a result's columns.
 * Registries are discovered once with {@link ServiceLoader}, as {@link Mappings} does; lookups are
 * map reads. Also the failures generated readers throw.
 *
 * <p>The binding rule (documented for users on {@code dev.quarry.annotation.Projection}): each
 * component takes the column whose label equals its name ignoring case and underscores; if some
 * component matches none, the result has exactly as many columns as components, and no component
 * matched a label at another position, all take their columns by position; otherwise
 * {@link ProjectionException}.
 */
@Internal
public final class Projections {
  private static final int AMBIGUOUS = -1;
  private static volatile Map<Class<?>, RowProjection<?>> byType;

  private Projections() {}

  /**
   * The projection of {@code type}.
   *
   * @throws IllegalArgumentException naming the class and what to check when there is none
   */
  @SuppressWarnings("unchecked")
  public static <R> RowProjection<R> of(Class<R> type) {
    RowProjection<?> p = all().get(type);
    if (p == null) {
      throw new IllegalArgumentException(type.getName() + " is not a projection: declare it as a record annotated "
          + "with @dev.quarry.annotation.Projection and make sure quarry-processor runs (it must be on the "
          + "annotation processor path)");
    }
    return (RowProjection<R>) p;
  }

  /** Every projection found on the class path, by record class. */
  public static Map<Class<?>, RowProjection<?>> all() {
    Map<Class<?>, RowProjection<?>> m = byType;
    if (m == null) {
      synchronized (Projections.class) {
        m = byType;
        if (m == null) {
          m = load();
          byType = m;
        }
      }
    }
    return m;
  }

  /** Registers the projections of a registry explicitly ({@link Mappings#register} calls it). */
  static synchronized void register(MappingRegistry registry) {
    Map<Class<?>, RowProjection<?>> m = new HashMap<>(all());
    for (RowProjection<?> p : registry.projections()) {
      m.put(p.type(), p);
    }
    byType = Collections.unmodifiableMap(m);
  }

  private static Map<Class<?>, RowProjection<?>> load() {
    Map<Class<?>, RowProjection<?>> m = new HashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(Projections.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loaders.get(0)) {
      loaders.add(context);
    }
    for (ClassLoader l : loaders) {
      for (MappingRegistry registry : ServiceLoader.load(MappingRegistry.class, l)) {
        for (RowProjection<?> p : registry.projections()) {
          m.putIfAbsent(p.type(), p);
        }
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** The reader of {@code type} bound to the columns of {@code rs} (checked now, before any row). */
  public static <R> CursorReader<R> bind(Class<R> type, ResultSet rs) throws SQLException {
    RowProjection<R> p = of(type);
    return new Bound<>(p, bind(p, labels(rs)));
  }

  /**
   * A reader of {@code type} that binds on the first row it reads (for streams, whose cursor is not
   * seen before); a mismatch then fails on the first row, not on an empty result.
   */
  public static <R> CursorReader<R> lazy(Class<R> type) {
    RowProjection<R> p = of(type);
    return new CursorReader<>() {
      private int[] columns;

      @Override
      public R read(ResultSet rs, Vendor vendor) throws SQLException {
        if (columns == null) {
          columns = bind(p, labels(rs));
        }
        return p.read(rs, columns, vendor);
      }
    };
  }

  /** A projection with its columns. */
  private record Bound<R>(RowProjection<R> projection, int[] columns) implements CursorReader<R> {
    @Override
    public R read(ResultSet rs, Vendor vendor) throws SQLException {
      return projection.read(rs, columns, vendor);
    }
  }

  /** The labels of {@code rs}'s columns, as the driver reports them. */
  public static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String> labels = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      labels.add(meta.getColumnLabel(i));
    }
    return labels;
  }

  /** How a name compares: lower case, without underscores. */
  static String normalize(String name) {
    if (name == null) {
      return "";
    }
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The 1-based column of each component of {@code p} among {@code labels}, by the rule above.
   *
   * @throws ProjectionException when the columns do not fit
   */
  public static int[] bind(RowProjection<?> p, List<String> labels) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      byName.merge(normalize(labels.get(i)), i, (a, b) -> AMBIGUOUS);
    }
    List<String> names = p.componentNames();
    int[] columns = new int[names.size()];
    List<String> unmatched = new ArrayList<>();
    boolean positional = labels.size() == names.size();
    for (int i = 0; i < names.size(); i++) {
      Integer at = byName.get(normalize(names.get(i)));
      if (at == null) {
        unmatched.add(names.get(i));
      } else if (at == AMBIGUOUS) {
        throw new ProjectionException("cannot read " + name(p) + ": component '" + names.get(i) + "' matches several "
            + "columns " + labels + " (labels are compared ignoring case and underscores); give the columns distinct "
            + "labels with .as(...)", name(p), names.get(i), labels, null);
      } else {
        columns[i] = at + 1;
        positional &= at == i;
      }
    }
    if (unmatched.isEmpty()) {
      return columns;
    }
    if (positional) {
      for (int i = 0; i < columns.length; i++) {
        columns[i] = i + 1;
      }
      return columns;
    }
    throw new ProjectionException("cannot read " + name(p) + " from this result: "
        + (unmatched.size() == 1 ? "component '" + unmatched.get(0) + "' matches" : "components " + unmatched + " match")
        + " no column label " + labels + " (labels are compared ignoring case and underscores). Label the columns "
        + "with .as(\"" + unmatched.get(0) + "\"), or select exactly " + names.size() + " columns in the order of "
        + names + " to map them by position", name(p), unmatched.size() == 1 ? unmatched.get(0) : null, labels, null);
  }

  private static String name(RowProjection<?> p) {
    return p.type().getName();
  }

  /** What a generated reader throws when a primitive component's column is NULL. */
  public static ProjectionException nullComponent(RowProjection<?> p, int component, ResultSet rs, int[] columns) {
    String c = p.componentNames().get(component);
    List<String> labels = labelsForMessage(rs);
    String box = p.componentTypes().get(component).javaType().getSimpleName();
    return new ProjectionException("cannot read " + name(p) + ": column " + label(labels, columns[component])
        + " is NULL but component '" + c + "' is primitive; declare it as " + box + ", or select a value that is "
        + "never NULL (coalesce); result labels: " + labels, name(p), c, labels, null);
  }

  /**
   * What a generated reader throws when reading {@code component} failed with {@code failure}: the
   * same {@link ProjectionException}; a conversion failure (a runtime exception from a type or
   * converter, or an {@code SQLException} of SQLSTATE class 22, data exception) as a
   * {@link ProjectionException} naming the component; any other {@code SQLException} rethrown as is,
   * for the engine to translate.
   */
  public static RuntimeException readFailed(RowProjection<?> p, int component, ResultSet rs, int[] columns,
      Exception failure) throws SQLException {
    if (failure instanceof ProjectionException pe) {
      return pe;
    }
    if (failure instanceof SQLException se) {
      String state = se.getSQLState();
      if (state == null || !state.startsWith("22")) {
        throw se;
      }
    }
    String c = p.componentNames().get(component);
    List<String> labels = labelsForMessage(rs);
    return new ProjectionException("cannot read " + name(p) + ": column " + label(labels, columns[component])
        + " cannot be read as component '" + c + "' ("
        + p.componentTypes().get(component).javaType().getSimpleName() + "): " + failure.getMessage()
        + "; result labels: " + labels, name(p), c, labels, failure);
  }

  private static String label(List<String> labels, int column) {
    return column >= 1 && column <= labels.size() ? "'" + labels.get(column - 1) + "' (" + column + ")"
        : String.valueOf(column);
  }

  private static List<String> labelsForMessage(ResultSet rs) {
    try {
      return labels(rs);
    } catch (SQLException | RuntimeException e) {
      return List.of();
    }
  }
}
