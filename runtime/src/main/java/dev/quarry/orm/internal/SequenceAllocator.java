package dev.quarry.orm.internal;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Connection;
import dev.quarry.sql.Column;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import java.util.List;

/**
 * Hands out ids from a database sequence with pooled allocation ("pooled-lo"): the sequence
 * starts at 1 and increments by the allocation size, so one {@code nextval} returning {@code v}
 * reserves {@code v .. v + size - 1}, handed out in memory. Thread-safe; one per sequence.
 *
 * <p>Databases without sequences (SQLite, MySQL) get the "increment" strategy instead: the
 * highest key in the table is read once and ids are counted up in memory — safe for the single
 * process that usually owns such a database, not across processes.
 */
final class SequenceAllocator {
  private final SequenceDef sequence;
  private final Table table;
  private final Column<?> key;
  private long next;
  private long limit;

  SequenceAllocator(SequenceDef sequence, Table table, Column<?> key) {
    this.sequence = sequence;
    this.table = table;
    this.key = key;
  }

  /** The next id, fetching a new block from the database through {@code connection} when the current one is used up. */
  synchronized long next(Connection connection) {
    if (next >= limit) {
      Dialect dialect = Dialect.of(connection);
      if (dialect.supportsSequences()) {
        String query = dialect.nextSequenceValueQuery(sequence.schema(), sequence.name());
        long start = ((Number) connection.execute(CompiledStatement.of(query, List.of())).scalar()).longValue();
        next = start;
        limit = start + sequence.allocationSize();
      } else {
        if (limit == 0) {
          Object max = highestKey(connection);
          next = max == null ? 1 : ((Number) max).longValue() + 1;
        }
        limit = next + sequence.allocationSize();
      }
    }
    return next++;
  }

  /** {@code SELECT MAX(key) FROM table}; the key of a sequence-generated id is an integral column. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object highestKey(Connection connection) {
    return connection.execute(Sql.select(Sql.max((dev.quarry.sql.ComparableExpression) key)).from(table)).scalar();
  }
}
