package dev.quarry.engine;

/**
 * Which table, column, alias and constraint names Quarry quotes in the SQL it writes; an engine
 * option ({@link EngineBuilder#identifierQuoting}).
 */
public enum IdentifierQuoting {
  /**
   * As SQLAlchemy does: a lower-case name of letters, digits and underscores that is no reserved
   * word of the database is written as is — it means the same quoted or not, and hand-written SQL
   * ({@code SELECT * FROM users}), {@code @Check} conditions and server defaults can name it
   * plainly on every database (H2 upper-cases unquoted names). Every other name is quoted.
   */
  AS_NEEDED,
  /**
   * Every name quoted. For H2 databases whose tables were created by Quarry before it quoted only
   * as needed: there a quoted lower-case {@code "users"} is a different table from {@code users}.
   */
  EVERY_NAME
}
