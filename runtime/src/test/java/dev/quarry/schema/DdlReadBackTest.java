package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What createAll declared is what the database reports back through JDBC metadata: composite
 * primary keys in key order, foreign keys with their actions, unique and plain indexes with their
 * columns, nullability and lengths.
 */
class DdlReadBackTest {
  @AllDatabases
  void theDatabaseReportsWhatWasDeclared(TestDatabase db) throws SQLException {
    Metadata.of(new ShopTables.Users(), new ShopTables.Orders(), new ShopTables.OrderLines()).createAll(db.engine());
    try (Connection c = db.engine().connect()) {
      DatabaseMetaData md = c.jdbc().getMetaData();
      String schema = db.vendor() == Vendor.SQLITE ? null : c.jdbc().getSchema();
      Dialect dialect = Dialect.of(db.vendor());

      List<String> pk = new ArrayList<>();
      try (ResultSet rs = md.getPrimaryKeys(null, schema, dialect.catalogName("order_lines"))) {
        Map<Integer, String> bySeq = new TreeMap<>();
        while (rs.next()) {
          bySeq.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
        }
        pk.addAll(bySeq.values());
      }
      assertEquals(List.of("order_id", "line"), pk, "composite primary key in key order");

      try (ResultSet rs = md.getImportedKeys(null, schema, dialect.catalogName("orders"))) {
        assertTrue(rs.next(), "orders has a foreign key");
        assertEquals("users", lower(rs.getString("PKTABLE_NAME")));
        assertEquals("user_id", lower(rs.getString("FKCOLUMN_NAME")));
        assertEquals("id", lower(rs.getString("PKCOLUMN_NAME")));
        assertEquals(DatabaseMetaData.importedKeyCascade, rs.getInt("DELETE_RULE"), "ON DELETE CASCADE");
        // H2 implements NO ACTION as RESTRICT and reports it so.
        assertEquals(db.vendor() == Vendor.H2 ? DatabaseMetaData.importedKeyRestrict
            : DatabaseMetaData.importedKeyNoAction, rs.getInt("UPDATE_RULE"), "ON UPDATE NO ACTION");
        if (db.vendor() != Vendor.SQLITE) {
          assertEquals("fk_orders_user", lower(rs.getString("FK_NAME")));
        }
      }

      Map<String, List<String>> indexColumns = new TreeMap<>();
      Map<String, Boolean> indexUnique = new TreeMap<>();
      try (ResultSet rs = md.getIndexInfo(null, schema, dialect.catalogName("order_lines"), false, false)) {
        while (rs.next()) {
          String name = lower(rs.getString("INDEX_NAME"));
          if (name != null) {
            indexColumns.computeIfAbsent(name, k -> new ArrayList<>()).add(lower(rs.getString("COLUMN_NAME")));
            indexUnique.put(name, !rs.getBoolean("NON_UNIQUE"));
          }
        }
      }
      assertEquals(List.of("sku", "line"), indexColumns.get("ux_lines_sku"), "composite index columns in order");
      assertEquals(true, indexUnique.get("ux_lines_sku"));
      try (ResultSet rs = md.getIndexInfo(null, schema, dialect.catalogName("orders"), false, false)) {
        boolean found = false;
        while (rs.next()) {
          if ("ix_orders_user_status".equals(lower(rs.getString("INDEX_NAME")))) {
            found = true;
            assertTrue(rs.getBoolean("NON_UNIQUE"), "a plain index is not unique");
          }
        }
        assertTrue(found, "ix_orders_user_status exists");
      }

      try (ResultSet rs = md.getColumns(null, schema, dialect.catalogName("users"), "%")) {
        Map<String, Integer> nullable = new TreeMap<>();
        Map<String, Integer> size = new TreeMap<>();
        while (rs.next()) {
          nullable.put(lower(rs.getString("COLUMN_NAME")), rs.getInt("NULLABLE"));
          size.put(lower(rs.getString("COLUMN_NAME")), rs.getInt("COLUMN_SIZE"));
        }
        assertEquals(DatabaseMetaData.columnNoNulls, nullable.get("name"));
        assertEquals(DatabaseMetaData.columnNullable, nullable.get("age"));
        assertEquals(DatabaseMetaData.columnNoNulls, nullable.get("id"));
        if (db.vendor() != Vendor.SQLITE) {
          assertEquals(50, size.get("name"), "VARCHAR(50)");
        }
      }
    }
  }

  /** H2 lists unquoted names upper-cased. */
  private static String lower(String name) {
    return name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
  }
}
