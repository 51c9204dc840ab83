package dev.quarry.engine;

import dev.quarry.types.Vendor;

import dev.quarry.types.SqlType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A result over a JDBC statement and its cursor, which it owns and closes. */
final class DefaultResult implements Result {
  private final DefaultConnection connection;
  private final CompiledStatement statement;
  private final Statement jdbcStatement;
  private final ResultSet rs;
  /** How to read rows as {@link Row}s; read from the cursor's metadata on first use, never for a scan. */
  private ResultShape shape;
  private final List<String> keyLabels;
  private final long rowCount;
  private final Runnable afterClose;
  private boolean exhausted;
  private boolean closed;

  /**
   * A result over {@code rs} (null for a statement without rows). {@code keyLabels} names the
   * columns of a generated-keys cursor; empty for a query's own rows.
   */
  DefaultResult(DefaultConnection connection, CompiledStatement statement, Statement jdbcStatement, ResultSet rs,
      List<String> keyLabels, long rowCount, Runnable afterClose) {
    this.connection = connection;
    this.statement = statement;
    this.jdbcStatement = jdbcStatement;
    this.rs = rs;
    this.keyLabels = keyLabels;
    this.rowCount = rowCount;
    this.afterClose = afterClose;
    if (rs == null) {
      exhausted = true;
    }
  }

  private ResultShape shape() throws SQLException {
    ResultShape s = shape;
    if (s == null) {
      s = ResultShape.of(rs, statement.resultColumns(), keyLabels, connection.vendor(), statement.sql());
      shape = s;
    }
    return s;
  }

  @Override
  public List<ResultColumn> columns() {
    if (rs == null) {
      return List.of();
    }
    if (shape == null && closed) {
      throw new IllegalStateException("the result is closed; read columns() before its rows. SQL: " + statement.sql());
    }
    try {
      return shape().columns();
    } catch (SQLException e) {
      throw connection.translate(e, statement, false);
    }
  }

  @Override
  public boolean returnsRows() {
    return rs != null;
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public Row fetchOne() {
    if (exhausted) {
      closeQuietly();
      return null;
    }
    if (closed) {
      throw new IllegalStateException("the result is closed (its connection was closed, or close() was called); "
          + "SQL: " + statement.sql());
    }
    try {
      ResultShape s = shape();
      if (!rs.next()) {
        exhausted = true;
        close();
        return null;
      }
      return new DefaultRow(s, s.read(rs));
    } catch (SQLException e) {
      RuntimeException translated = connection.translate(e, statement, false);
      closeQuietly();
      throw translated;
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  @Override
  public List<Row> fetchMany(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    List<Row> rows = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      Row row = fetchOne();
      if (row == null) {
        break;
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public List<Row> fetchAll() {
    List<Row> rows = new ArrayList<>();
    for (Row row = fetchOne(); row != null; row = fetchOne()) {
      rows.add(row);
    }
    return rows;
  }

  @Override
  public Object scalar() {
    Row row = first();
    return row == null ? null : row.get(0);
  }

  @Override
  public <T> T scalar(SqlType<T> type) {
    Row row = first();
    return row == null ? null : row.get(0, type);
  }

  @Override
  public Row first() {
    try {
      return fetchOne();
    } finally {
      close();
    }
  }

  @Override
  public Row one() {
    Row row = oneOrNull();
    if (row == null) {
      throw new NoResultException("one() expected exactly one row, the statement returned none; SQL: "
          + statement.sql() + "; parameters: " + ParameterFormat.format(statement.parameters()));
    }
    return row;
  }

  @Override
  public Row oneOrNull() {
    try {
      Row row = fetchOne();
      if (row != null && fetchOne() != null) {
        throw new NonUniqueResultException("expected at most one row, the statement returned several; SQL: "
            + statement.sql() + "; parameters: " + ParameterFormat.format(statement.parameters()));
      }
      return row;
    } finally {
      close();
    }
  }

  @Override
  public <T> List<T> map(RowMapper<T> mapper) {
    List<T> out = new ArrayList<>();
    try {
      for (Row row = fetchOne(); row != null; row = fetchOne()) {
        out.add(mapper.map(row));
      }
    } finally {
      close();
    }
    return out;
  }

  @Override
  public <T> List<T> read(CursorReader<T> reader) {
    List<T> out = new ArrayList<>();
    try {
      if (closed && !exhausted) {
        throw new IllegalStateException("the result is closed (its connection was closed, or close() was called); "
            + "SQL: " + statement.sql());
      }
      if (!exhausted) {
        Vendor vendor = connection.vendor();
        while (rs.next()) {
          out.add(reader.read(rs, vendor));
        }
        exhausted = true;
      }
    } catch (SQLException e) {
      throw connection.translate(e, statement, false);
    } finally {
      closeQuietly();
    }
    return out;
  }

  @Override
  public <R> R scan(CursorScan<R> scan) {
    try {
      checkReadable();
      R out = scan.scan(rs, connection.vendor());
      exhausted = true;
      return out;
    } catch (SQLException e) {
      throw connection.translate(e, statement, false);
    } finally {
      closeQuietly();
    }
  }

  @Override
  public <R> List<R> into(Class<R> type) {
    return scan((rs, vendor) -> {
      CursorReader<R> reader = Projections.resolver().bind(type, rs);
      List<R> out = new ArrayList<>();
      while (rs.next()) {
        out.add(reader.read(rs, vendor));
      }
      return out;
    });
  }

  @Override
  public <R> Stream<R> streamInto(Class<R> type) {
    checkReadable();
    CursorReader<R> reader;
    try {
      reader = Projections.resolver().bind(type, rs);
    } catch (SQLException e) {
      RuntimeException translated = connection.translate(e, statement, false);
      closeQuietly();
      throw translated;
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
    return stream(reader);
  }

  @Override
  public <T> Stream<T> stream(CursorReader<T> reader) {
    checkReadable();
    Vendor vendor = connection.vendor();
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        if (exhausted) {
          return false;
        }
        try {
          if (!rs.next()) {
            exhausted = true;
            close();
            return false;
          }
          action.accept(reader.read(rs, vendor));
          return true;
        } catch (SQLException e) {
          RuntimeException translated = connection.translate(e, statement, false);
          closeQuietly();
          throw translated;
        }
      }
    };
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  private void checkReadable() {
    if (rs == null) {
      throw new IllegalStateException("the statement returned no rows to read; SQL: " + statement.sql());
    }
    if (closed) {
      throw new IllegalStateException("the result is closed (its connection was closed, or close() was called); "
          + "SQL: " + statement.sql());
    }
  }

  @Override
  public Stream<Row> stream() {
    Spliterator<Row> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super Row> action) {
        Row row = fetchOne();
        if (row == null) {
          return false;
        }
        action.accept(row);
        return true;
      }
    };
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = fetchOne();
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
      }
    };
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    SQLException failure = null;
    try {
      if (rs != null) {
        rs.close();
      }
    } catch (SQLException e) {
      failure = e;
    }
    try {
      if (jdbcStatement != null) {
        jdbcStatement.close();
      }
    } catch (SQLException e) {
      failure = failure == null ? e : failure;
    }
    connection.resultClosed(this);
    if (afterClose != null) {
      afterClose.run();
    }
    if (failure != null && !connection.isClosed()) {
      throw connection.translate(failure, statement, false);
    }
  }

  void closeQuietly() {
    try {
      close();
    } catch (RuntimeException ignored) {
      // closing after a failure or at the end: the first error is the one that matters
    }
  }

  boolean isClosed() {
    return closed;
  }
}
