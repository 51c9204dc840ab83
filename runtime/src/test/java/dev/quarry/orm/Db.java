package dev.quarry.orm;

import dev.quarry.schema.Metadata;
import dev.quarry.sql.Table;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The three test databases (through the shared {@link TestDatabase}); {@link #fresh} creates the model's tables. */
enum Db {
  SQLITE(TestDatabase.Kind.SQLITE), H2(TestDatabase.Kind.H2), POSTGRESQL(TestDatabase.Kind.POSTGRES);

  private final TestDatabase.Kind kind;

  Db(TestDatabase.Kind kind) {
    this.kind = kind;
  }

  Vendor vendor() {
    return kind.vendor();
  }

  /** A new empty database holding {@code tables}; close it after the test. */
  TestDatabase fresh(List<Table> tables) {
    TestDatabase db = TestDatabase.create(kind);
    db.execute(Metadata.of(tables).createStatements(vendor()).toArray(new String[0]));
    return db;
  }

  /** Runs a query outside any session and returns the first column of the first row as a long. */
  static long count(TestDatabase db, String sql) {
    try (dev.quarry.engine.Connection c = db.engine().connect(); Statement st = c.jdbc().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an update statement outside any session. */
  static void exec(TestDatabase db, String sql) {
    db.execute(sql);
  }
}
