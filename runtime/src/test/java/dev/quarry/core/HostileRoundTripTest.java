package dev.quarry.core;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.quarry.engine.Connection;
import dev.quarry.engine.EngineListener;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.Row;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Column;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Insert;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Select;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hostile round trip: a table and columns with names that look like SQL syntax, and
 * values that look like SQL, placeholders or escapes. Every value comes back identical, found by
 * equality, and the SQL text the engine runs is the same for every value.
 */
class HostileRoundTripTest {
  static final List<String> NAMES = List.of("per % cent", "col:ons", "q?marks", "[BracketsAndCase]", "dot.s",
      "1param", "more :: %colons%", "has spaces", "quote ' one", "quote \" two");
  static final List<String> VALUES = List.of("'", "''", "\\", "\\'", "\"", ";", "--", "/*", "*/", "$$", "$1", "?",
      ":name", "%", "_", "\u2028", "\uD83D\uDE00", "x' OR '1'='1", "); DROP TABLE \"per % cent\"; --");

  /** A Core table: key {@code 1param}, one text column per other hostile name. */
  static final class Hostile extends Table {
    final NumberColumn<Integer> key = numberColumn(ColumnSpec.of("1param", SqlTypes.INTEGER).primaryKey());
    final List<StringColumn> texts = new ArrayList<>();

    Hostile() {
      super(null, "per % cent", null);
      for (String name : NAMES) {
        if (!name.equals("1param")) {
          texts.add(stringColumn(ColumnSpec.of(name, SqlTypes.varchar(40))));
        }
      }
      index("q?marks :: idx", false, "q?marks", "col:ons");
    }
  }

  /** Records the SQL text of every execution. */
  static final class SqlRecorder implements EngineListener {
    final List<String> sql = Collections.synchronizedList(new ArrayList<>());
    final List<List<Parameter>> parameters = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecute(String text, List<Parameter> params) {
      sql.add(text);
      parameters.add(params);
    }
  }

  @AllDatabases
  void valuesComeBackIdenticalThroughOneSqlText(TestDatabase db) {
    Hostile t = new Hostile();
    Metadata.of(t).createAll(db.engine());
    SqlRecorder recorder = new SqlRecorder();
    db.engine().addListener(recorder);
    Set<String> insertSql = new LinkedHashSet<>();
    Set<String> selectSql = new LinkedHashSet<>();
    try (Connection c = db.engine().connect()) {
      for (int i = 0; i < VALUES.size(); i++) {
        String value = VALUES.get(i);
        Insert insert = insertInto(t).set(t.key, i);
        for (StringColumn col : t.texts) {
          insert = insert.set(col, value);
        }
        recorder.sql.clear();
        c.executeUpdate(insert);
        insertSql.addAll(recorder.sql);
        insertSql.add(insert.compile(db.vendor()).sql());
      }
      for (int i = 0; i < VALUES.size(); i++) {
        String value = VALUES.get(i);
        for (StringColumn col : t.texts) {
          Select byValue = select(t.key, col).from(t).where(col.eq(value));
          recorder.sql.clear();
          List<Row> rows = c.execute(byValue).fetchAll();
          assertEquals(1, rows.size(), "exactly the row of " + describe(value) + " by " + col.name());
          assertEquals(i, rows.get(0).get(t.key));
          assertEquals(value, rows.get(0).get(col), "identical value in " + col.name());
          if (col == t.texts.get(0)) {
            selectSql.addAll(recorder.sql);
          }
        }
        Row whole = c.execute(select(t).from(t).where(t.key.eq(i))).one();
        for (Column<?> col : t.texts) {
          assertEquals(value, whole.get(col), describe(value) + " in " + col.name());
        }
      }
    }
    assertEquals(1, insertSql.size(), "one INSERT text for every value: " + insertSql);
    assertEquals(1, selectSql.size(), "one SELECT text for every value: " + selectSql);
    String selectText = selectSql.iterator().next();
    for (String fragment : List.of("'", "\\", ";", "--", "/*", "*/", "$", ":name", "\u2028", "\uD83D\uDE00", "DROP")) {
      assertFalse(selectText.contains(fragment), "no value in the SQL text: " + describe(fragment) + " in " + selectText);
    }
  }

  @AllDatabases
  void everyHostileNameWorksAsATableName(TestDatabase db) {
    List<Table> tables = new ArrayList<>();
    for (String name : NAMES) {
      tables.add(Table.builder(name)
          .column(ColumnSpec.of(name, SqlTypes.INTEGER).primaryKey())
          .column(ColumnSpec.of("v", SqlTypes.varchar(20)).notNull())
          .build());
    }
    Metadata m = Metadata.of(tables);
    assertEquals(NAMES.size(), m.createAll(db.engine()).size());
    assertEquals(List.of(), m.createAll(db.engine()), "check-first finds every hostile name");
    try (Connection c = db.engine().connect()) {
      for (int i = 0; i < tables.size(); i++) {
        Table table = tables.get(i);
        @SuppressWarnings("unchecked")
        Column<Integer> key = (Column<Integer>) table.column(NAMES.get(i));
        StringColumn v = (StringColumn) table.column("v");
        c.executeUpdate(insertInto(table).set(key, i).set(v, NAMES.get(i)));
        assertEquals(NAMES.get(i), c.execute(select(v).from(table).where(((NumberColumn<Integer>) key).eq(i))).one()
            .get(v));
      }
    }
    assertEquals(NAMES.size(), m.dropAll(db.engine()).size());
  }

  private static String describe(String value) {
    StringBuilder sb = new StringBuilder("[");
    value.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7e ? String.format("U+%04X", cp)
        : Character.toString(cp)));
    return sb.append(']').toString();
  }
}
