package dev.quarry.sql;

/** Action of a foreign key on delete or update of the referenced row. */
public enum ReferentialAction {
  /** No clause: the database's default (NO ACTION). */
  DEFAULT(null),
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The SQL keywords, or null for {@link #DEFAULT}. */
  public String sql() {
    return sql;
  }
}
