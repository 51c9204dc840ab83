package dev.quarry.it.types;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Table;
import dev.quarry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test helpers: create tables, and read what a column really holds with plain JDBC (no Quarry type). */
final class Stored {
  private Stored() {}

  static Engine create(TestDatabase db, Table... tables) {
    Metadata.of(tables).createAll(db.engine());
    return db.engine();
  }

  /**
   * The first column of the first row of {@code sql} as JDBC's {@code getString} gives it, or null;
   * double-quoted names in {@code sql} are quoted for the database ({@link TestDatabase#quoted}).
   */
  static String text(TestDatabase db, String sql) {
    try (Connection c = db.engine().connect(); Statement st = c.jdbc().createStatement();
        ResultSet rs = st.executeQuery(db.quoted(sql))) {
      if (!rs.next()) {
        throw new AssertionError("no row: " + sql);
      }
      return rs.getString(1);
    } catch (SQLException ex) {
      throw new AssertionError(sql, ex);
    }
  }
}
