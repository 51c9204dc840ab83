package dev.quarry.orm;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.spi.EntityMapping;
import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Runs statements on a session's connection (after autoflush) and reads their rows. */
final class QueryRunner {
  private QueryRunner() {}

  static <T> List<T> list(SessionImpl session, EntityMapping<?> routing, Executable statement, RowReader<T> reader) {
    List<T> out = new ArrayList<>();
    forEach(session, routing, statement, (rs, vendor) -> out.add(reader.read(rs, vendor)));
    return out;
  }

  /** Runs a query and hands each row to {@code reader}, keeping nothing (the reader collects what it needs). */
  static void forEach(SessionImpl session, EntityMapping<?> routing, Executable statement, RowReader<?> reader) {
    scan(session, routing, statement, (rs, vendor) -> {
      while (rs.next()) {
        reader.read(rs, vendor);
      }
    });
  }

  /**
   * Reads a whole result. The loaders' own row loops go here: a loop in the caller's code is
   * compiled with that caller's row reading (one call site, {@code next()} inlined), where a loop
   * shared by every query calls each row's reader through one megamorphic call.
   */
  @FunctionalInterface
  interface ResultScan {
    void scan(ResultSet rs, Vendor vendor) throws SQLException;
  }

  /** Runs a query (after autoflush) and hands its open result to {@code scan}. */
  static void scan(SessionImpl session, EntityMapping<?> routing, Executable statement, ResultScan scan) {
    session.transaction().checkUsable();
    session.autoflush();
    SessionConnection conn = session.connectionFor(routing);
    CompiledStatement c = statement.compile(conn.vendor());
    try (PreparedStatement ps = conn.prepare(c.sql())) {
      bind(ps, c.parameters(), conn.vendor());
      try (ResultSet rs = conn.executeQuery(ps, c.sql(), c.parameters())) {
        scan.scan(rs, conn.vendor());
      }
    } catch (SQLException e) {
      throw Errors.database(conn, e, c.sql());
    }
  }

  /** Runs an UPDATE/DELETE/INSERT and returns the row count. */
  static int update(SessionImpl session, EntityMapping<?> routing, Executable statement) {
    SessionConnection conn = session.connectionFor(routing);
    CompiledStatement c = statement.compile(conn.vendor());
    try (PreparedStatement ps = conn.prepare(c.sql())) {
      bind(ps, c.parameters(), conn.vendor());
      return conn.executeUpdate(ps, c.sql(), c.parameters());
    } catch (SQLException e) {
      throw Errors.database(conn, e, c.sql());
    }
  }

  static <T> Stream<T> stream(SessionImpl session, EntityMapping<?> routing, Executable statement,
      RowReader<T> reader) {
    session.transaction().checkUsable();
    session.autoflush();
    SessionConnection conn = session.connectionFor(routing);
    Vendor vendor = conn.vendor();
    CompiledStatement c = statement.compile(vendor);
    PreparedStatement ps;
    ResultSet rs;
    try {
      ps = conn.prepare(c.sql());
      ps.setFetchSize(500); // PostgreSQL streams only inside a transaction, which a session always has
      bind(ps, c.parameters(), vendor);
      rs = conn.executeQuery(ps, c.sql(), c.parameters());
    } catch (SQLException e) {
      throw Errors.database(conn, e, c.sql());
    }
    Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        try {
          if (!rs.next()) {
            return false;
          }
          action.accept(reader.read(rs, vendor));
          return true;
        } catch (SQLException e) {
          throw Errors.database(conn, e, c.sql());
        }
      }
    };
    return StreamSupport.stream(rows, false).onClose(() -> {
      try {
        rs.close();
        ps.close();
      } catch (SQLException e) {
        throw Errors.database(conn, e, c.sql());
      }
    });
  }

  static void bind(PreparedStatement ps, List<Parameter> parameters, Vendor vendor) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      p.type().bindObject(ps, i + 1, p.value(), vendor);
    }
  }
}
