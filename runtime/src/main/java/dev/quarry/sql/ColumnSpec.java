package dev.quarry.sql;

import dev.quarry.types.SqlType;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable definition of a column: name, type and column-level options. Built fluently
 * ({@code ColumnSpec.of("email", SqlTypes.varchar(100)).notNull().unique()}) and handed to a
 * {@link Table}'s column factory; every "with" method returns a copy.
 *
 * @param <T> the Java type of values
 */
public final class ColumnSpec<T> {
  private final String name;
  private final SqlType<T> type;
  private final boolean nullable;
  private final boolean primaryKey;
  private final boolean autoIncrement;
  private final boolean unique;
  private final String serverDefault;
  private final boolean insertable;
  private final boolean updatable;
  private final Supplier<? extends T> clientDefault;

  private ColumnSpec(String name, SqlType<T> type, boolean nullable, boolean primaryKey, boolean autoIncrement,
      boolean unique, String serverDefault, boolean insertable, boolean updatable, Supplier<? extends T> clientDefault) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a column needs a non-empty name");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
    this.nullable = nullable;
    this.primaryKey = primaryKey;
    this.autoIncrement = autoIncrement;
    this.unique = unique;
    this.serverDefault = serverDefault;
    this.insertable = insertable;
    this.updatable = updatable;
    this.clientDefault = clientDefault;
  }

  /** A nullable column with no options. */
  public static <T> ColumnSpec<T> of(String name, SqlType<T> type) {
    return new ColumnSpec<>(name, type, true, false, false, false, null, true, true, null);
  }

  public ColumnSpec<T> notNull() {
    return new ColumnSpec<>(name, type, false, primaryKey, autoIncrement, unique,
        serverDefault, insertable, updatable, clientDefault);
  }

  public ColumnSpec<T> nullable(boolean value) {
    return new ColumnSpec<>(name, type, value, primaryKey, autoIncrement, unique,
        serverDefault, insertable, updatable, clientDefault);
  }

  /** Part of the primary key (implies NOT NULL). */
  public ColumnSpec<T> primaryKey() {
    return new ColumnSpec<>(name, type, false, true, autoIncrement, unique,
        serverDefault, insertable, updatable, clientDefault);
  }

  /** Values assigned by the database on insert (identity / auto-increment). */
  public ColumnSpec<T> autoIncrement() {
    return new ColumnSpec<>(name, type, nullable, primaryKey, true, unique,
        serverDefault, insertable, updatable, clientDefault);
  }

  /** A single-column unique constraint. */
  public ColumnSpec<T> unique() {
    return new ColumnSpec<>(name, type, nullable, primaryKey, autoIncrement, true,
        serverDefault, insertable, updatable, clientDefault);
  }

  /** SQL text used as the DEFAULT clause in DDL (schema text written by the developer). */
  public ColumnSpec<T> serverDefault(String sql) {
    return new ColumnSpec<>(name, type, nullable, primaryKey, autoIncrement, unique,
        sql == null || sql.isEmpty() ? null : sql, insertable, updatable, clientDefault);
  }

  /** Whether INSERTs generated from entities write this column. */
  public ColumnSpec<T> insertable(boolean value) {
    return new ColumnSpec<>(name, type, nullable, primaryKey, autoIncrement, unique,
        serverDefault, value, updatable, clientDefault);
  }

  /** Whether UPDATEs generated from entities write this column. */
  public ColumnSpec<T> updatable(boolean value) {
    return new ColumnSpec<>(name, type, nullable, primaryKey, autoIncrement, unique,
        serverDefault, insertable, value, clientDefault);
  }

  /**
   * A value computed in Java for each row a Core {@code insertInto(table)} inserts without setting
   * this column (SQLAlchemy's Python-side {@code default=}), e.g. {@code LocalDateTime::now}.
   * Entities have {@code @ClientDefault} instead.
   */
  public ColumnSpec<T> clientDefault(Supplier<? extends T> supplier) {
    return new ColumnSpec<>(name, type, nullable, primaryKey, autoIncrement, unique, serverDefault, insertable,
        updatable, supplier);
  }

  public String name() {
    return name;
  }

  public SqlType<T> type() {
    return type;
  }

  public boolean isNullable() {
    return nullable;
  }

  public boolean isPrimaryKey() {
    return primaryKey;
  }

  public boolean isAutoIncrement() {
    return autoIncrement;
  }

  public boolean isUnique() {
    return unique;
  }

  /** The DEFAULT clause's SQL, or null. */
  public String serverDefault() {
    return serverDefault;
  }

  public boolean isInsertable() {
    return insertable;
  }

  public boolean isUpdatable() {
    return updatable;
  }

  /** The client default, or null. */
  public Supplier<? extends T> clientDefault() {
    return clientDefault;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnSpec<?> c && c.name.equals(name) && c.type.equals(type) && c.nullable == nullable
        && c.primaryKey == primaryKey && c.autoIncrement == autoIncrement && c.unique == unique
        && Objects.equals(c.serverDefault, serverDefault) && c.insertable == insertable && c.updatable == updatable
        && Objects.equals(c.clientDefault, clientDefault);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, nullable, primaryKey, autoIncrement, unique, serverDefault);
  }

  @Override
  public String toString() {
    return name + " " + type.describe() + (primaryKey ? " PRIMARY KEY" : "") + (nullable ? "" : " NOT NULL");
  }
}
