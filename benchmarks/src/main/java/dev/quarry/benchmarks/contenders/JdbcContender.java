package dev.quarry.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.AuthorRow;
import dev.quarry.benchmarks.model.BookRow;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written JDBC reading by column index: the limit every other contender is compared with.
 *
 * <p>The best plain JDBC for each scenario: prepared statements bound and read by index with the
 * JDBC 4.2 getters and setters ({@code getObject(i, LocalDateTime.class)}, {@code setObject(i,
 * LocalDateTime)}, no {@code java.sql.Timestamp} in between), batches with {@code addBatch} /
 * {@code executeBatch} and their generated keys read back ({@code prepareStatement(sql, new
 * String[] {"id"})}), one prepared statement per query shape reused within an operation.
 *
 * <p><b>Transactions.</b> JDBC is the baseline for {@code quarry-orm}, whose session is one
 * transaction: it begins on the session's first statement ({@code setAutoCommit(false)}) and ends
 * with COMMIT, also when the session only read (a read-only session commits on close), after which
 * auto-commit is restored. So every scenario that touches the database does the same here:
 * {@code setAutoCommit(false)}, the statements, {@code commit()}, ROLLBACK if anything fails, and
 * auto-commit back on in {@code finally} (the pool's setting). Each method says what the ORM and
 * {@code quarry-core} do; where Core runs in auto-commit (its DAO and {@code withConnection}
 * reads, its single insert) this contender still matches the ORM, whose goals the rows are judged
 * by, so Core there does a little less transactional work than JDBC.
 */
public final class JdbcContender implements Contender {
  static final String ITEM_COLUMNS = "id, name, email, age, score, active, created_at, amount, category, counter";
  static final String FIND_ITEM = "SELECT " + ITEM_COLUMNS + " FROM item WHERE id = ?";
  static final String LIST_ITEMS = "SELECT " + ITEM_COLUMNS + " FROM item WHERE id <= ? ORDER BY id";
  static final String STREAM_ITEMS = "SELECT " + ITEM_COLUMNS + " FROM item WHERE id <= ?";
  static final String DTO_ITEMS = "SELECT id, name, age FROM item WHERE id <= ? ORDER BY id";
  static final String UPDATE_COUNTER = "UPDATE item SET counter = ? WHERE id = ?";
  static final String INSERT_ITEM = "INSERT INTO item_new (name, email, age, score, active, created_at, amount,"
      + " category, counter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String GRAPH_JOINED = "SELECT a.id, a.name, b.id, b.author_id, b.title, b.pages"
      + " FROM author a LEFT JOIN book b ON b.author_id = a.id ORDER BY a.id, b.id";
  static final String AUTHORS = "SELECT id, name FROM author ORDER BY id";
  static final String BOOKS_OF_AUTHOR = "SELECT id, author_id, title, pages FROM book WHERE author_id = ? ORDER BY id";
  /** The generated key column, for {@code prepareStatement(sql, columnNames)}. */
  private static final String[] ID = {"id"};

  private final HikariDataSource pool;

  public JdbcContender(BenchDatabase db) {
    this.pool = db.pool("jdbc");
  }

  /** Work on a connection inside a transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on a pooled connection in one transaction: auto-commit off, COMMIT, ROLLBACK
   * if anything fails, auto-commit back on (the pool's setting) — what a session does.
   */
  private <T> T inTransaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ten columns of {@link #ITEM_COLUMNS}, by index. */
  static ItemRow readItem(ResultSet r) throws SQLException {
    return new ItemRow(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getDouble(5),
        r.getBoolean(6), r.getObject(7, LocalDateTime.class), r.getBigDecimal(8), r.getString(9), r.getLong(10));
  }

  /**
   * ORM: {@code session.get} in a session, i.e. one transaction ended by COMMIT (read-only session).
   * Core: the DAO's {@code findById}, auto-commit. JDBC: the ORM's transaction around the select.
   */
  @Override
  public Object findById(long id) {
    return inTransaction(c -> {
      ItemRow row = find(c, id);
      return row;
    });
  }

  private static ItemRow find(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(FIND_ITEM)) {
      return find(p, id);
    }
  }

  private static ItemRow find(PreparedStatement p, long id) throws SQLException {
    p.setLong(1, id);
    try (ResultSet r = p.executeQuery()) {
      return r.next() ? readItem(r) : null;
    }
  }

  /**
   * ORM: a session query, one transaction ended by COMMIT. Core: the DAO's {@code findBy},
   * auto-commit. JDBC: the ORM's transaction.
   */
  @Override
  public List<ItemRow> list(int n) {
    return inTransaction(c -> {
      List<ItemRow> rows = list(c, n);
      return rows;
    });
  }

  private static List<ItemRow> list(Connection c, int n) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(LIST_ITEMS)) {
      p.setLong(1, n);
      try (ResultSet r = p.executeQuery()) {
        List<ItemRow> out = new ArrayList<>(n);
        while (r.next()) {
          out.add(readItem(r));
        }
        return out;
      }
    }
  }

  /**
   * ORM: a tuple query in a session, one transaction ended by COMMIT. Core: a select through
   * {@code withConnection}, auto-commit. JDBC: the ORM's transaction.
   */
  @Override
  public List<ItemDto> dto(int n) {
    return inTransaction(c -> {
      List<ItemDto> out = new ArrayList<>(n);
      try (PreparedStatement p = c.prepareStatement(DTO_ITEMS)) {
        p.setLong(1, n);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new ItemDto(r.getLong(1), r.getString(2), r.getInt(3)));
          }
        }
      }
      return out;
    });
  }

  /**
   * ORM: {@code add} then {@code commit}: the INSERT (key read back) in one transaction. Core: the
   * DAO's {@code insert}, one auto-commit statement. JDBC: the ORM's transaction, the key read back
   * with {@code getGeneratedKeys}.
   */
  @Override
  public long insertOne(int seq) {
    return inTransaction(c -> {
      long id;
      try (PreparedStatement p = c.prepareStatement(INSERT_ITEM, ID)) {
        BenchDatabase.bindItem(p, seq);
        p.executeUpdate();
        try (ResultSet keys = p.getGeneratedKeys()) {
          if (!keys.next()) {
            throw new IllegalStateException("no generated key");
          }
          id = keys.getLong(1);
        }
      }
      return id;
    });
  }

  /**
   * ORM: {@code addAll} then {@code commit}: a JDBC batch with generated keys in one transaction.
   * Core: {@code runInTransaction} around the DAO's {@code insertAll} (whose own transaction
   * becomes a savepoint inside it). JDBC: one transaction, one batch, every key read back into its row.
   */
  @Override
  public long batchInsert(int n, int seq) {
    List<ItemRow> rows = Rows.newItems(n, seq);
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p = c.prepareStatement(INSERT_ITEM, ID)) {
          for (ItemRow row : rows) {
            bind(p, row);
            p.addBatch();
          }
          p.executeBatch();
          try (ResultSet keys = p.getGeneratedKeys()) {
            for (ItemRow row : rows) {
              if (!keys.next()) {
                throw new IllegalStateException("fewer generated keys than rows");
              }
              row.setId(keys.getLong(1));
            }
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows.get(n - 1).getId();
  }

  /** Binds the nine non-key columns of {@code row} (parameters 1..9), as {@link BenchDatabase#bindItem} does. */
  static void bind(PreparedStatement p, ItemRow row) throws SQLException {
    p.setString(1, row.getName());
    p.setString(2, row.getEmail());
    p.setInt(3, row.getAge());
    p.setDouble(4, row.getScore());
    p.setBoolean(5, row.isActive());
    p.setObject(6, row.getCreatedAt());
    p.setBigDecimal(7, row.getAmount());
    p.setString(8, row.getCategory());
    p.setLong(9, row.getCounter());
  }

  /**
   * ORM: {@code get}, a setter, {@code commit} (the flush UPDATEs the changed column) in one
   * transaction. Core: {@code inTransaction} around the DAO's find and update. JDBC: the same
   * transaction, SELECT then {@code UPDATE item SET counter = ?}.
   */
  @Override
  public long loadModifyCommit(long id) {
    return inTransaction(c -> {
      ItemRow row = find(c, id);
      if (row == null) {
        throw new IllegalStateException("no item " + id);
      }
      row.setCounter(row.getCounter() + 1);
      try (PreparedStatement u = c.prepareStatement(UPDATE_COUNTER)) {
        u.setLong(1, row.getCounter());
        u.setLong(2, id);
        u.executeUpdate();
      }
      return row.getCounter();
    });
  }

  /**
   * ORM: a query, 1,000 setters, {@code flush} (a JDBC batch of UPDATEs) and {@code commit}, in one
   * transaction. Core: {@code inTransaction} around the DAO's query and {@code executeBatch}. JDBC:
   * the same transaction, the select and one batch of 1,000 UPDATEs.
   */
  @Override
  public long loadModifyFlush(int n) {
    return inTransaction(c -> {
      List<ItemRow> rows = list(c, n);
      long sum = 0;
      try (PreparedStatement u = c.prepareStatement(UPDATE_COUNTER)) {
        for (ItemRow row : rows) {
          row.setCounter(row.getCounter() + 1);
          sum += row.getCounter();
          u.setLong(1, row.getCounter());
          u.setLong(2, row.getId());
          u.addBatch();
        }
        u.executeBatch();
      }
      return sum;
    });
  }

  /**
   * ORM: one joined query ({@code Load.joined}) in a session, one transaction ended by COMMIT.
   * Core: the same select through {@code withConnection}, auto-commit. JDBC: the ORM's transaction.
   */
  @Override
  public long graphJoined() {
    return inTransaction(c -> {
      List<AuthorRow> authors = new ArrayList<>(BenchDatabase.AUTHORS);
      try (PreparedStatement p = c.prepareStatement(GRAPH_JOINED);
          ResultSet r = p.executeQuery()) {
        AuthorRow current = null;
        while (r.next()) {
          long id = r.getLong(1);
          if (current == null || current.getId() != id) {
            current = new AuthorRow(id, r.getString(2));
            authors.add(current);
          }
          long bookId = r.getLong(3);
          if (!r.wasNull()) {
            current.getBooks().add(new BookRow(bookId, r.getLong(4), r.getString(5), r.getInt(6)));
          }
        }
      }
      return Rows.checksum(authors);
    });
  }

  /**
   * ORM: the authors, then one IN query for their books ({@code Load.selectIn}), in a session: one
   * transaction ended by COMMIT. Core: the same two selects through {@code withConnection},
   * auto-commit. JDBC: the ORM's transaction.
   */
  @Override
  public long graphSelectin() {
    return inTransaction(c -> {
      List<AuthorRow> authors = authors(c);
      Map<Long, AuthorRow> byId = new HashMap<>(authors.size() * 2);
      StringBuilder sql = new StringBuilder(64 + authors.size() * 3)
          .append("SELECT id, author_id, title, pages FROM book WHERE author_id IN (");
      for (int i = 0; i < authors.size(); i++) {
        AuthorRow a = authors.get(i);
        byId.put(a.getId(), a);
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(") ORDER BY id");
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < authors.size(); i++) {
          p.setLong(i + 1, authors.get(i).getId());
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            BookRow b = new BookRow(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4));
            byId.get(b.authorId()).getBooks().add(b);
          }
        }
      }
      return Rows.checksum(authors);
    });
  }

  private static List<AuthorRow> authors(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(AUTHORS);
        ResultSet r = p.executeQuery()) {
      List<AuthorRow> authors = new ArrayList<>(BenchDatabase.AUTHORS);
      while (r.next()) {
        authors.add(new AuthorRow(r.getLong(1), r.getString(2)));
      }
      return authors;
    }
  }

  /**
   * ORM: the authors, then one query per author as each {@code getBooks()} is first touched
   * ({@code Load.lazy}), all in one session: one transaction ended by COMMIT. Core: the same
   * queries through {@code withConnection}, auto-commit. JDBC: the ORM's transaction, one prepared
   * statement re-executed per author.
   */
  @Override
  public long graphLazy() {
    return inTransaction(c -> {
      List<AuthorRow> authors = authors(c);
      try (PreparedStatement p = c.prepareStatement(BOOKS_OF_AUTHOR)) {
        for (AuthorRow a : authors) {
          p.setLong(1, a.getId());
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              a.getBooks().add(new BookRow(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4)));
            }
          }
        }
      }
      return Rows.checksum(authors);
    });
  }

  /**
   * JDBC has no unit of work: the nearest thing is borrowing a pooled connection and giving it
   * back, with no transaction and no statement. (ORM: an empty session begins no transaction and
   * borrows no connection, its transaction starts with its first statement; Core: borrows an
   * engine connection and gives it back, like this.)
   */
  @Override
  public void openClose() {
    try {
      pool.getConnection().close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * JDBC has no identity map: "get it again" is another query by key. ORM: the held session's first
   * {@code get} begins its transaction, which stays open (with the connection) until the session
   * closes; later gets are answered by the identity map. Core: n/a. JDBC: the same held
   * transaction and connection, with the prepared select re-executed per get; COMMIT on close.
   */
  @Override
  public Held hold(long id) {
    try {
      Connection c = pool.getConnection();
      PreparedStatement p = null;
      try {
        c.setAutoCommit(false);
        p = c.prepareStatement(FIND_ITEM);
        find(p, id);
      } catch (SQLException | RuntimeException e) {
        closeHeld(c, p, false, e);
        throw e;
      }
      PreparedStatement query = p;
      return Held.of(() -> {
        try {
          return find(query, id);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }, () -> closeHeld(c, query, true, null));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends a held session: COMMIT (or ROLLBACK after a failure), auto-commit back on, statement and connection closed. */
  private static void closeHeld(Connection c, PreparedStatement p, boolean commit, Exception failure) {
    try (c) {
      try {
        if (p != null) {
          p.close();
        }
        if (commit) {
          c.commit();
        } else {
          c.rollback();
        }
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      if (failure == null) {
        throw new IllegalStateException(e);
      }
      failure.addSuppressed(e);
    }
  }

  /**
   * ORM: a session streaming entities, inside its transaction (which also gives PostgreSQL its
   * cursor). Core: {@code inTransaction} around a select with a fetch size. JDBC: the same
   * transaction (pgjdbc uses a cursor only with auto-commit off), ended by COMMIT.
   */
  @Override
  public long stream(int rows, int fetchSize) {
    return inTransaction(c -> {
      long sum = 0;
      try (PreparedStatement p = c.prepareStatement(STREAM_ITEMS)) {
        p.setFetchSize(fetchSize);
        p.setLong(1, rows);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            sum += readItem(r).getAge();
          }
        }
      }
      return sum;
    });
  }

  /** String building, as hand-written code does it: the lower bound for a query builder (no database, no transaction). */
  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    StringBuilder sql = new StringBuilder("SELECT id, name, age FROM item");
    List<Object> params = new ArrayList<>(3);
    String glue = " WHERE ";
    if (namePrefix != null) {
      sql.append(glue).append("name LIKE ?");
      params.add(namePrefix + "%");
      glue = " AND ";
    }
    if (minAge != null) {
      sql.append(glue).append("age > ?");
      params.add(minAge);
      glue = " AND ";
    }
    if (active != null) {
      sql.append(glue).append("active = ?");
      params.add(active);
    }
    sql.append(" ORDER BY name LIMIT 20");
    return new Object[] {sql.toString(), params};
  }

  @Override
  public void close() {
    pool.close();
  }
}
