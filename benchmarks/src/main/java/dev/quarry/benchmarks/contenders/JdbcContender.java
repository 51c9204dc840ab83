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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-written JDBC reading by column index: the limit every other contender is compared with. */
public final class JdbcContender implements Contender {
  static final String ITEM_COLUMNS = "id, name, email, age, score, active, created_at, amount, category, counter";
  static final String INSERT_ITEM = "INSERT INTO item_new (name, email, age, score, active, created_at, amount,"
      + " category, counter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String[] ID = {"id"};

  private final HikariDataSource pool;

  public JdbcContender(BenchDatabase db) {
    this.pool = db.pool("jdbc");
  }

  static ItemRow readItem(ResultSet r) throws SQLException {
    return new ItemRow(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getDouble(5),
        r.getBoolean(6), r.getTimestamp(7).toLocalDateTime(), r.getBigDecimal(8), r.getString(9), r.getLong(10));
  }

  @Override
  public Object findById(long id) {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM item WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? readItem(r) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<ItemRow> list(int n) {
    try (Connection c = pool.getConnection()) {
      return list(c, n);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<ItemRow> list(Connection c, int n) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM item WHERE id <= ? ORDER BY id")) {
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

  @Override
  public List<ItemDto> dto(int n) {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT id, name, age FROM item WHERE id <= ? ORDER BY id")) {
      p.setLong(1, n);
      try (ResultSet r = p.executeQuery()) {
        List<ItemDto> out = new ArrayList<>(n);
        while (r.next()) {
          out.add(new ItemDto(r.getLong(1), r.getString(2), r.getInt(3)));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long insertOne(int seq) {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(INSERT_ITEM, ID)) {
      BenchDatabase.bindItem(p, seq);
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<ItemRow> rows = Rows.newItems(n, seq);
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement(INSERT_ITEM, ID)) {
        for (ItemRow row : rows) {
          bind(p, row);
          p.addBatch();
        }
        p.executeBatch();
        try (ResultSet keys = p.getGeneratedKeys()) {
          for (ItemRow row : rows) {
            keys.next();
            row.setId(keys.getLong(1));
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

  static void bind(PreparedStatement p, ItemRow row) throws SQLException {
    p.setString(1, row.getName());
    p.setString(2, row.getEmail());
    p.setInt(3, row.getAge());
    p.setDouble(4, row.getScore());
    p.setBoolean(5, row.isActive());
    p.setTimestamp(6, java.sql.Timestamp.valueOf(row.getCreatedAt()));
    p.setBigDecimal(7, row.getAmount());
    p.setString(8, row.getCategory());
    p.setLong(9, row.getCounter());
  }

  @Override
  public long loadModifyCommit(long id) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        ItemRow row;
        try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM item WHERE id = ?")) {
          p.setLong(1, id);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            row = readItem(r);
          }
        }
        row.setCounter(row.getCounter() + 1);
        try (PreparedStatement u = c.prepareStatement("UPDATE item SET counter = ? WHERE id = ?")) {
          u.setLong(1, row.getCounter());
          u.setLong(2, id);
          u.executeUpdate();
        }
        c.commit();
        return row.getCounter();
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

  @Override
  public long loadModifyFlush(int n) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<ItemRow> rows = list(c, n);
        long sum = 0;
        try (PreparedStatement u = c.prepareStatement("UPDATE item SET counter = ? WHERE id = ?")) {
          for (ItemRow row : rows) {
            row.setCounter(row.getCounter() + 1);
            sum += row.getCounter();
            u.setLong(1, row.getCounter());
            u.setLong(2, row.getId());
            u.addBatch();
          }
          u.executeBatch();
        }
        c.commit();
        return sum;
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

  @Override
  public long graphJoined() {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT a.id, a.name, b.id, b.author_id, b.title, b.pages"
            + " FROM author a LEFT JOIN book b ON b.author_id = a.id ORDER BY a.id, b.id");
        ResultSet r = p.executeQuery()) {
      List<AuthorRow> authors = new ArrayList<>();
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
      return Rows.checksum(authors);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long graphSelectin() {
    try (Connection c = pool.getConnection()) {
      List<AuthorRow> authors = authors(c);
      Map<Long, AuthorRow> byId = new HashMap<>();
      StringBuilder in = new StringBuilder();
      for (AuthorRow a : authors) {
        byId.put(a.getId(), a);
        in.append(in.length() == 0 ? "?" : ", ?");
      }
      try (PreparedStatement p = c.prepareStatement(
          "SELECT id, author_id, title, pages FROM book WHERE author_id IN (" + in + ") ORDER BY id")) {
        int i = 1;
        for (AuthorRow a : authors) {
          p.setLong(i++, a.getId());
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            BookRow b = new BookRow(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4));
            byId.get(b.authorId()).getBooks().add(b);
          }
        }
      }
      return Rows.checksum(authors);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<AuthorRow> authors(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, name FROM author ORDER BY id")) {
      List<AuthorRow> authors = new ArrayList<>();
      while (r.next()) {
        authors.add(new AuthorRow(r.getLong(1), r.getString(2)));
      }
      return authors;
    }
  }

  @Override
  public long graphLazy() {
    try (Connection c = pool.getConnection()) {
      List<AuthorRow> authors = authors(c);
      try (PreparedStatement p = c.prepareStatement(
          "SELECT id, author_id, title, pages FROM book WHERE author_id = ? ORDER BY id")) {
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
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JDBC has no unit of work: the nearest thing is borrowing a pooled connection and giving it back. */
  @Override
  public void openClose() {
    try (Connection c = pool.getConnection()) {
      c.isReadOnly();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JDBC has no identity map: "get it again" is another query by key. */
  @Override
  public Held hold(long id) {
    return Held.of(() -> findById(id), () -> {});
  }

  @Override
  public long stream(int rows, int fetchSize) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL uses a cursor only inside a transaction
      try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM item WHERE id <= ?")) {
        p.setFetchSize(fetchSize);
        p.setLong(1, rows);
        long sum = 0;
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            sum += readItem(r).getAge();
          }
        }
        c.commit();
        return sum;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** String building, as hand-written code does it: the lower bound for a query builder. */
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
