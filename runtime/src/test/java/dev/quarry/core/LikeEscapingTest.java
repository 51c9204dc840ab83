package dev.quarry.core;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.engine.Connection;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Insert;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * contains / startsWith / endsWith treat {@code %}, {@code _} and the escape character as plain
 * characters on every database: the issue's LIKE test, plus rows with the escape character.
 */
class LikeEscapingTest {
  static final class Words extends Table {
    final NumberColumn<Integer> id = numberColumn(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey());
    final StringColumn data = stringColumn(ColumnSpec.of("data", SqlTypes.varchar(20)));

    Words() {
      super(null, "words", null);
    }
  }

  private static final Words W = new Words();
  private static final List<String> ROWS = Arrays.asList("abcdefg", "ab/cdefg", "ab%cdefg", "ab_cdefg", "abcde/fg",
      "abcde%fg", "ab#cdefg", "ab9cdefg", "abcde#fg", "abcd9fg", null, "ab\\cdefg", "abcde\\fg");

  private static List<String> matching(Connection c, Predicate p) {
    List<String> out = new ArrayList<>();
    c.execute(select(W.data).from(W).where(p).orderBy(W.id.asc())).fetchAll().forEach(r -> out.add(r.get(W.data)));
    return out;
  }

  private static Connection setUp(TestDatabase db, List<String> rows) {
    Metadata.of(W).createAll(db.engine());
    Connection c = db.engine().connect();
    Insert insert = insertInto(W).columns(W.id, W.data);
    for (int i = 0; i < rows.size(); i++) {
      insert = insert.values(i, rows.get(i));
    }
    c.executeUpdate(insert);
    return c;
  }

  @AllDatabases
  void wildcardsAndTheEscapeCharacterMatchThemselves(TestDatabase db) {
    try (Connection c = setUp(db, ROWS)) {
      assertEquals(List.of("ab%cdefg"), matching(c, W.data.startsWith("ab%c")), "the issue's case");
      assertEquals(List.of("ab_cdefg"), matching(c, W.data.startsWith("ab_c")));
      assertEquals(List.of("ab\\cdefg"), matching(c, W.data.startsWith("ab\\c")), "the escape character itself");
      assertEquals(List.of("ab%cdefg", "abcde%fg"), matching(c, W.data.contains("%")));
      assertEquals(List.of("ab_cdefg"), matching(c, W.data.contains("_")));
      assertEquals(List.of("ab\\cdefg", "abcde\\fg"), matching(c, W.data.contains("\\")));
      assertEquals(List.of("ab/cdefg", "abcde/fg"), matching(c, W.data.contains("/")));
      assertEquals(List.of("ab#cdefg", "abcde#fg"), matching(c, W.data.contains("#")));
      assertEquals(List.of("abcde%fg"), matching(c, W.data.endsWith("e%fg")));
      assertEquals(List.of(), matching(c, W.data.endsWith("_fg")), "_ is not a wildcard");
      assertEquals(List.of("abcde\\fg"), matching(c, W.data.endsWith("\\fg")));
      assertEquals(List.of("ab%cdefg"), matching(c, W.data.containsIgnoreCase("B%C")));
      assertEquals(List.of("abcde/fg", "abcde%fg", "abcde#fg", "abcde\\fg"), matching(c, W.data.like("abcde_fg")),
          "like() keeps its wildcards");
      assertEquals(12, matching(c, W.data.contains("")).size(),
          "an empty text matches every non-null value, but not NULL");
    }
  }

  @AllDatabases
  void startsWithIsCaseSensitiveOnEveryDatabase(TestDatabase db) {
    try (Connection c = setUp(db, List.of("ab%cdefg", "AB%CDEFG", "xab_c", "XAB_C"))) {
      assertEquals(List.of("ab%cdefg"), matching(c, W.data.startsWith("ab%c")), "SQLite's LIKE alone would ignore case");
      assertEquals(List.of("XAB_C"), matching(c, W.data.endsWith("AB_C")));
      assertEquals(List.of("ab%cdefg", "AB%CDEFG"), matching(c, W.data.containsIgnoreCase("b%C")));
    }
  }
}
