package dev.quarry.orm.internal;

import dev.quarry.engine.CursorReader;
import dev.quarry.engine.Executable;
import dev.quarry.spi.EntityMapping;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs statements on a session's connection (after autoflush) and reads their rows. */
final class QueryRunner {
  private QueryRunner() {}

  static <T> List<T> list(SessionState session, EntityMapping<?> routing, Executable statement,
      CursorReader<T> reader) {
    return list(session, routing, statement, reader, null);
  }

  /** {@link #list} with a statement timeout ({@code null}: the session's). */
  static <T> List<T> list(SessionState session, EntityMapping<?> routing, Executable statement,
      CursorReader<T> reader, Duration timeout) {
    List<T> out = new ArrayList<>();
    scan(session, routing, statement, (rs, vendor) -> {
      while (rs.next()) {
        out.add(reader.read(rs, vendor));
      }
    }, timeout);
    return out;
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
  static void scan(SessionState session, EntityMapping<?> routing, Executable statement, ResultScan scan) {
    scan(session, routing, statement, scan, null);
  }

  /** {@link #scan} with a statement timeout ({@code null}: the session's). */
  static void scan(SessionState session, EntityMapping<?> routing, Executable statement, ResultScan scan,
      Duration timeout) {
    session.transaction().checkUsable();
    session.flusher().autoflush();
    session.transaction().connectionFor(routing).query(statement, (rs, vendor) -> {
      scan.scan(rs, vendor);
      return null;
    }, timeout);
  }

  /** Runs an UPDATE/DELETE/INSERT and returns the row count. */
  static int update(SessionState session, EntityMapping<?> routing, Executable statement) {
    return (int) session.transaction().connectionFor(routing).update(statement);
  }

  /** Runs a query (after autoflush) whose rows are read as the stream is consumed; close the stream. */
  static <T> Stream<T> stream(SessionState session, EntityMapping<?> routing, Executable statement,
      CursorReader<T> reader, Duration timeout) {
    session.transaction().checkUsable();
    session.flusher().autoflush();
    return session.transaction().connectionFor(routing).stream(statement, reader, timeout);
  }
}
