package dev.quarry.sql;

import dev.quarry.engine.Executable;
import dev.quarry.types.SqlType;
import java.util.List;

/**
 * Raw SQL with named parameters: {@code Sql.text("SELECT * FROM users WHERE age > :min_age")
 * .bind("min_age", 18)}. {@code :name} inside string literals, quoted identifiers, comments and
 * dollar-quoted strings is not a parameter, nor is a {@code ::} cast; write {@code \:} for a
 * literal colon before a name. A bare {@code ?} is rejected (the driver would take it for a
 * placeholder). Backslash escapes inside {@code '…'} are honoured only in {@code E'…'} strings, so
 * on MySQL write quotes in literals as {@code ''}. Immutable.
 */
public interface TextQuery extends Executable {
  /** Binds a parameter by name, typed from the value's class. */
  TextQuery bind(String name, Object value);

  /** Binds a parameter by name with an explicit type (needed for null and converted values). */
  <T> TextQuery bind(String name, T value, SqlType<T> type);

  /**
   * Declares the result columns, in order, so that rows are read with their types and looked up
   * by these keys: columns of tables, or {@link Sql#resultColumn(String, SqlType)}.
   */
  TextQuery columns(Expression<?>... resultColumns);

  /**
   * Declares the tables whose rows the statement may change, by {@link Table#qualifiedName()}
   * (none: it changes nothing), for {@link #writes()}. Undeclared, a statement whose first keyword
   * is {@code SELECT}, {@code VALUES}, {@code TABLE}, {@code SHOW}, {@code EXPLAIN}, {@code
   * DESCRIBE}/{@code DESC} or a {@code PRAGMA} without {@code =} changes nothing, and any other may
   * change any table ({@link #ANY_TABLE}): {@code WITH …}, {@code INSERT}, {@code CALL}, ….
   * Without arguments, {@code writes()} is {@link #writes()}'s getter: use {@link #writesNothing()}.
   */
  TextQuery writes(String... tables);

  /** Declares that the statement changes no table's rows (a write to what no cache holds, a function call). */
  TextQuery writesNothing();

  /** The parameter names in order of first appearance. */
  List<String> parameterNames();
}
