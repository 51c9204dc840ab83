package dev.quarry.schema;

import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.SqlType;
import java.util.List;
import java.util.Locale;

/**
 * What a database keeps of a definition, for {@link SchemaComparer}: a model and a schema read
 * back compare equal when the database keeps them the same, whatever the definition said that the
 * database does not keep (the facts of docs/DATABASES.md, "Reading a live schema", asked of the
 * {@link Dialect}).
 */
final class StoredForm {
  private final Dialect dialect;

  StoredForm(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A type as the database keeps it: kind and sizes, not the Java class an entity maps it to. */
  record TypeKey(dev.quarry.types.TypeKind kind, int length, int precision, int scale) {}

  TypeKey type(SqlType<?> type) {
    SqlType<?> stored = dialect.typeAsStored(type);
    return new TypeKey(stored.kind(), stored.length(), stored.precision(), stored.scale());
  }

  /** Whether the two types are kept the same. */
  boolean sameType(SqlType<?> a, SqlType<?> b) {
    return type(a).equals(type(b));
  }

  /** The default as kept, or null. */
  String serverDefault(ColumnModel c) {
    return c.autoIncrement() ? null : dialect.defaultAsStored(c.serverDefault(), c.type());
  }

  /**
   * Text for comparing SQL the database may have respelled: lower case, without quotes around
   * names, parentheses, white space and PostgreSQL casts; quotes around numbers removed.
   */
  static String loose(String sql) {
    if (sql == null) {
      return null;
    }
    String s = sql.replaceAll("::[a-zA-Z_][a-zA-Z0-9_ ]*(\\([0-9, ]*\\))?", "")
        .replaceAll("(?i)cast\\((.*?) as [a-z ]+(\\([0-9, ]*\\))?\\)", "$1")
        .replaceAll("'(-?[0-9]+(\\.[0-9]+)?)'", "$1");
    return s.replaceAll("[\\s()\"`]", "").toLowerCase(Locale.ROOT);
  }

  /** Whether a default is a plain literal (a number, a string, a truth value), which databases keep comparably. */
  static boolean isLiteral(String serverDefault) {
    String d = serverDefault.trim();
    while (d.startsWith("(") && d.endsWith(")")) {
      d = d.substring(1, d.length() - 1).trim();
    }
    return d.matches("'(?:[^']|'')*'") || d.matches("'?-?[0-9]+(\\.[0-9]+)?'?")
        || d.equalsIgnoreCase("true") || d.equalsIgnoreCase("false");
  }

  /** A foreign key action as kept: NO ACTION is the default, and where reported as RESTRICT, RESTRICT is too. */
  ReferentialAction action(ReferentialAction a) {
    if (a == null || a == ReferentialAction.NO_ACTION
        || a == ReferentialAction.RESTRICT && dialect.reportsNoActionAsRestrict()) {
      return ReferentialAction.DEFAULT;
    }
    return a;
  }

  /** What identifies a foreign key whatever its name: columns and target (in the owner's schema when unqualified). */
  record ForeignKeyKey(List<String> columns, String targetSchema, String targetTable, List<String> targetColumns) {}

  static ForeignKeyKey key(TableModel owner, ForeignKey fk) {
    return new ForeignKeyKey(fk.columns(), fk.targetSchema() != null ? fk.targetSchema() : owner.schema(),
        fk.targetTable(), fk.targetColumns());
  }

  /** Whether the two keys (of the same columns and target) act the same. */
  boolean sameActions(ForeignKey a, ForeignKey b) {
    return action(a.onDelete()) == action(b.onDelete()) && action(a.onUpdate()) == action(b.onUpdate());
  }

  /** An index's name as created (an unnamed index is named {@code ix_<table>_<columns>}). */
  static String indexName(TableModel t, IndexDef index) {
    return DdlWriter.indexName(t, index);
  }

  /** Whether two indexes of the same name are the same index. */
  static boolean sameIndex(IndexDef a, IndexDef b) {
    return a.unique() == b.unique() && a.columns().equals(b.columns());
  }
}
