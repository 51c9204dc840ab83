package dev.quarry.spi;

import dev.quarry.engine.Connectable;
import dev.quarry.engine.Connection;
import dev.quarry.engine.CursorReader;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Executable;
import dev.quarry.engine.NonUniqueResultException;
import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.engine.RowMapper;
import dev.quarry.sql.Column;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What generated {@code @Dao} implementations call to run their statements on a {@link Connectable}
 * and read the rows, so that the generated methods stay short. (Through a session they call the
 * session itself: this package sits below the ORM.) Every statement runs through the engine.
 */
@Internal
public final class DaoSupport {
  private DaoSupport() {}

  /** Reads an entity from columns {@code 1..n} in table order, with the generated mapping. */
  public static <E> CursorReader<E> entityReader(EntityMapping<E> mapping) {
    return (rs, vendor) -> mapping.read(rs, 1, vendor, mapping.newInstance(), null, ReferenceResolver.NONE, -1, null);
  }

  /**
   * Reads an entity whose columns are in another order: {@code positions[i]} is the 1-based result
   * position of the table's column {@code i}.
   */
  public static <E> CursorReader<E> entityReader(EntityMapping<E> mapping, int[] positions) {
    List<Column<?>> columns = mapping.table().columns();
    return (rs, vendor) -> {
      E e = mapping.newInstance();
      for (int i = 0; i < columns.size(); i++) {
        mapping.set(e, i, columns.get(i).type().read(rs, positions[i], vendor));
      }
      return e;
    };
  }

  /** Reads an entity by result labels (column names, ignoring case): for SQL the processor did not check. */
  public static <E> CursorReader<E> entityReaderByLabels(EntityMapping<E> mapping) {
    List<Column<?>> columns = mapping.table().columns();
    int[][] positions = new int[1][];
    return (rs, vendor) -> {
      if (positions[0] == null) {
        java.sql.ResultSetMetaData meta = rs.getMetaData();
        int[] found = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
          for (int p = 1; p <= meta.getColumnCount(); p++) {
            if (meta.getColumnLabel(p).equalsIgnoreCase(columns.get(i).name())) {
              found[i] = p;
              break;
            }
          }
          if (found[i] == 0) {
            throw new IllegalStateException("the result has no column " + columns.get(i).name() + " of table "
                + mapping.table().qualifiedName() + ", needed to read " + mapping.entityName());
          }
        }
        positions[0] = found;
      }
      return entityReader(mapping, positions[0]).read(rs, vendor);
    };
  }

  /** Runs {@code statement} and reads every row. */
  public static <T> List<T> list(Connectable db, Executable statement, CursorReader<T> reader) {
    return db.withConnection(c -> {
      try (Result r = c.execute(statement)) {
        return r.read(reader);
      }
    });
  }

  /** Runs {@code statement} and maps every row. */
  public static <T> List<T> rows(Connectable db, Executable statement, RowMapper<T> mapper) {
    return db.withConnection(c -> rows(c.execute(statement), mapper));
  }

  /** Maps every row of {@code result} and closes it. */
  public static <T> List<T> rows(Result result, RowMapper<T> mapper) {
    try (Result r = result) {
      return r.map(mapper);
    }
  }

  /**
   * The rows as a lazy stream, which holds a database cursor (and, on an engine, a pooled
   * connection) until it is closed: use it in try-with-resources. On a {@link Connection} it runs
   * within the connection's transaction.
   */
  public static <T> Stream<T> stream(Connectable db, Executable statement, CursorReader<T> reader) {
    if (db instanceof Connection c) {
      return c.execute(statement).stream(reader);
    }
    if (db instanceof Engine engine) {
      Connection c = engine.connect();
      try {
        return c.execute(statement).stream(reader).onClose(c::close);
      } catch (RuntimeException | Error e) {
        c.close();
        throw e;
      }
    }
    return list(db, statement, reader).stream();
  }

  /** The rows as a lazy stream of {@link Row}s; close it (see {@link #stream}). */
  public static Stream<Row> rowStream(Connectable db, Executable statement) {
    if (db instanceof Connection c) {
      return c.execute(statement).stream();
    }
    if (db instanceof Engine engine) {
      Connection c = engine.connect();
      try {
        return c.execute(statement).stream().onClose(c::close);
      } catch (RuntimeException | Error e) {
        c.close();
        throw e;
      }
    }
    return rows(db, statement, row -> row).stream();
  }

  /** {@code value}, which a method returning a primitive needs: fails when the query found no row. */
  public static <T> T required(T value, String method) {
    if (value == null) {
      throw new dev.quarry.engine.NoResultException(method + " returns a primitive value but the query found no row"
          + " (or NULL); return Optional or the boxed type");
    }
    return value;
  }

  /** The only element, null when empty. */
  public static <T> T single(List<T> found, String method) {
    if (found.size() > 1) {
      throw new NonUniqueResultException(method + " expected at most one row and found " + found.size());
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /** The first element, null when empty. */
  public static <T> T first(List<T> found) {
    return found.isEmpty() ? null : found.get(0);
  }

  /** The number a {@code SELECT COUNT(*)} returns. */
  public static long count(Connectable db, Executable statement) {
    return db.withConnection(c -> count(c.execute(statement)));
  }

  /** The number in the first column of the first row of {@code result}, which it closes. */
  public static long count(Result result) {
    try (Result r = result) {
      Row row = r.first();
      Object n = row == null ? null : row.get(0);
      return n == null ? 0 : ((Number) n).longValue();
    }
  }

  /** Whether {@code statement} returns a row. */
  public static boolean exists(Connectable db, Executable statement) {
    return db.withConnection(c -> exists(c.execute(statement)));
  }

  /** Whether {@code result} has a row; closes it. */
  public static boolean exists(Result result) {
    try (Result r = result) {
      return r.first() != null;
    }
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the rows it wrote. */
  public static long update(Connectable db, Executable statement) {
    return db.withConnection(c -> c.executeUpdate(statement));
  }

  /** The row count of {@code result}, which it closes. */
  public static long update(Result result) {
    try (Result r = result) {
      return r.rowCount();
    }
  }

  /** {@code int} of a row count, failing rather than wrapping. */
  public static int toInt(long count) {
    return Math.toIntExact(count);
  }

  /** The conditions that are not null (dropped by {@code @DropIfNull}) ANDed; null when none is left. */
  public static Predicate all(Predicate... conditions) {
    List<Predicate> kept = new ArrayList<>(conditions.length);
    for (Predicate p : conditions) {
      if (p != null) {
        kept.add(p);
      }
    }
    return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : Sql.and(kept);
  }

  /** The conditions ORed; null (no restriction) when one of them was dropped entirely. */
  public static Predicate any(Predicate... conditions) {
    for (Predicate p : conditions) {
      if (p == null) {
        return null;
      }
    }
    return conditions.length == 1 ? conditions[0] : Sql.or(conditions);
  }

  /**
   * The OFFSET of page {@code page} (from 1) of {@code size} rows, as {@code EntityQuery.page}
   * counts them: fails unless both are at least 1 and the offset fits an int.
   */
  public static int pageOffset(int page, int size) {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page numbers start at 1 and sizes at 1; got page " + page + ", size " + size);
    }
    long offset = (long) (page - 1) * size;
    if (offset > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("page " + page + " of size " + size + " starts at row " + offset
          + ", beyond the largest OFFSET (" + Integer.MAX_VALUE + ")");
    }
    return (int) offset;
  }

  /** {@code select} restricted by {@code where}, or unrestricted when every condition was dropped (null). */
  public static Select where(Select select, Predicate where) {
    return where == null ? select : select.where(where);
  }

  /** {@code condition}, or TRUE when it was dropped. */
  public static Predicate orTrue(Predicate condition) {
    return condition == null ? Sql.trueCondition() : condition;
  }
}
