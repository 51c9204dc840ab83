package dev.quarry.schema;

import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.internal.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a live database already has, read through JDBC {@link DatabaseMetaData} (and the
 * information schema for sequences, which metadata does not list everywhere). Names are listed
 * per schema and compared in Java rather than passed as LIKE patterns, so names containing
 * {@code %} or {@code _} cannot match the wrong table. Case: each name is looked up as the catalog
 * lists what the DDL created ({@link Dialect#catalogName}: H2 upper-cases unquoted names; quoted
 * names are exact); SQLite compares table and index names ignoring ASCII case.
 */
final class JdbcExisting implements DdlPlan.Existing {
  private final Connection connection;
  private final Dialect dialect;
  private final Map<String, Set<String>> tablesBySchema = new HashMap<>();
  private final Map<String, Set<String>> sequencesBySchema = new HashMap<>();

  JdbcExisting(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  @Override
  public boolean table(TableModel t) {
    return tablesBySchema.computeIfAbsent(key(t.schema()), k -> listTables(t.schema())).contains(normal(dialect.catalogName(t.name())));
  }

  @Override
  public boolean sequence(SequenceDef s) {
    return sequencesBySchema.computeIfAbsent(key(s.schema()), k -> listSequences(s.schema())).contains(dialect.catalogName(s.name()));
  }

  @Override
  public boolean foreignKey(TableModel t, String constraintName) {
    try (ResultSet rs = connection.getMetaData().getImportedKeys(catalog(), schemaOf(t.schema()),
        dialect.catalogName(t.name()))) {
      String name = dialect.catalogName(constraintName);
      while (rs.next()) {
        if (name.equals(rs.getString("FK_NAME"))) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      throw failure("list the foreign keys of table " + t.qualifiedName(), e);
    }
  }

  private Set<String> listTables(String schema) {
    Set<String> names = new HashSet<>();
    try (ResultSet rs = connection.getMetaData().getTables(catalog(), schemaOf(schema), "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        // Views and tables share one namespace; sequences and indexes listed here (PostgreSQL) do not count.
        if (type == null || type.contains("TABLE") || type.contains("VIEW")) {
          names.add(normal(rs.getString("TABLE_NAME")));
        }
      }
      return names;
    } catch (SQLException e) {
      throw failure("list the tables of schema " + (schema == null ? "(default)" : schema), e);
    }
  }

  private Set<String> listSequences(String schema) {
    Set<String> names = new HashSet<>();
    if (!dialect.supportsSequences()) {
      return names;
    }
    try (PreparedStatement ps = connection.prepareStatement(dialect.sequenceNamesQuery())) {
      ps.setString(1, schema != null ? dialect.catalogName(schema) : defaultSchema());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw failure("list the sequences of schema " + (schema == null ? "(default)" : schema), e);
    }
  }

  /** Where schemas are catalogs, the current one; elsewhere the catalog is the connected database, so leave it open. */
  private String catalog() throws SQLException {
    return dialect.schemaIsCatalog() ? connection.getCatalog() : null;
  }

  /** The schema to look in: the table's own, else the connection's current one (never "any schema"). */
  private String schemaOf(String schema) {
    if (schema != null) {
      return dialect.catalogName(schema);
    }
    return dialect.schemaIsCatalog() ? null : defaultSchema();
  }

  private String defaultSchema() {
    try {
      return dialect.schemaIsCatalog() ? connection.getCatalog() : connection.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }

  private String normal(String name) {
    if (!dialect.namesIgnoreCase()) {
      return name;
    }
    // SQLite folds ASCII letters only: "É" and "é" are different names there.
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return sb.toString();
  }

  private static String key(String schema) {
    return schema == null ? "" : "." + schema;
  }

  private static SchemaException failure(String what, SQLException e) {
    return new SchemaException("could not " + what + " to check what exists before DDL: " + e.getMessage(), e);
  }
}
