package dev.quarry.types;

/**
 * The database product behind a connection. Lower layers use it for storage quirks (how a
 * {@link SqlType} reads and binds values); the SQL layer picks its renderer from it.
 */
public enum Vendor {
  SQLITE("SQLite", 32_766),
  H2("H2", 100_000),
  POSTGRESQL("PostgreSQL", 32_767),
  MYSQL("MySQL", 65_535),
  MARIADB("MariaDB", 65_535),
  /** A database Quarry has no dialect for; rendered as ANSI SQL. */
  OTHER("generic", 1_000);

  private final String displayName;
  private final int maxBindParameters;

  Vendor(String displayName, int maxBindParameters) {
    this.displayName = displayName;
    this.maxBindParameters = maxBindParameters;
  }

  /** Human-readable product name, e.g. {@code "PostgreSQL"}. */
  public String displayName() {
    return displayName;
  }

  /** Largest number of {@code ?} parameters one statement may carry on this database. */
  public int maxBindParameters() {
    return maxBindParameters;
  }

  /** The vendor a JDBC URL points at, e.g. {@code jdbc:postgresql://…} → POSTGRESQL; OTHER when unknown. */
  public static Vendor fromJdbcUrl(String url) {
    if (url == null) {
      return OTHER;
    }
    String u = url.toLowerCase(java.util.Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    } else if (u.startsWith("jdbc:h2:")) {
      return H2;
    } else if (u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:pgsql:")) {
      return POSTGRESQL;
    } else if (u.startsWith("jdbc:mysql:")) {
      return MYSQL;
    } else if (u.startsWith("jdbc:mariadb:")) {
      return MARIADB;
    }
    return OTHER;
  }

  /** The vendor named by {@link java.sql.DatabaseMetaData#getDatabaseProductName()}. */
  public static Vendor fromProductName(String productName) {
    String p = productName == null ? "" : productName.toLowerCase(java.util.Locale.ROOT);
    if (p.contains("sqlite")) {
      return SQLITE;
    } else if (p.equals("h2")) {
      return H2;
    } else if (p.contains("postgres")) {
      return POSTGRESQL;
    } else if (p.contains("mariadb")) {
      return MARIADB;
    } else if (p.contains("mysql")) {
      return MYSQL;
    }
    return OTHER;
  }
}
