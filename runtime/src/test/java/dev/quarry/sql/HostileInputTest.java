package dev.quarry.sql;

import static dev.quarry.sql.Sql.deleteFrom;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hostile identifiers are always quoted and hostile values only ever travel as parameters: the
 * SQL text is identical whatever the value.
 */
class HostileInputTest {
  static final String[] NAMES = {
    "per % cent", "col:ons", "q?marks", "[BracketsAndCase]", "dot.s", "1param", "more :: %colons%", "has spaces",
    "quote ' one", "quote \" two"
  };
  static final String[] VALUES = {
    "'", "''", "\\", "\\'", "\"", ";", "--", "/*", "*/", "$$", "$1", "?", ":name", "%", "_", "\u2028", "\uD83D\uDE00",
    "'; DROP TABLE users; --", "`"
  };

  private static Table hostileTable() {
    Table.Builder b = Table.builder("quote ' one").column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    for (String n : NAMES) {
      b.column(ColumnSpec.of(n, SqlTypes.TEXT));
    }
    return b.build();
  }

  @Test
  void hostileIdentifiersAreQuotedAndValuesNeverEnterTheText() {
    Table t = hostileTable();
    List<Function<String, Executable>> statements = new ArrayList<>();
    for (String n : NAMES) {
      StringColumn c = (StringColumn) t.column(n);
      statements.add(v -> select(c).from(t).where(c.eq(v), c.contains(v), c.like(v), c.in(v, v)).orderBy(c.desc()));
      statements.add(v -> insertInto(t).set(c, v).returning(t.column("id")));
      statements.add(v -> update(t).set(c, v).where(c.ne(v)));
      statements.add(v -> deleteFrom(t).where(c.startsWith(v).or(c.endsWith(v))));
      statements.add(v -> insertInto(t).columns((Column<?>) t.column("id"), c).values(1L, v).onConflict().doUpdate(c));
    }
    for (Vendor vendor : new Vendor[] {Vendor.SQLITE, Vendor.H2, Vendor.POSTGRESQL, Vendor.MYSQL, Vendor.MARIADB}) {
      Dialect d = Dialect.of(vendor);
      for (Function<String, Executable> s : statements) {
        CompiledStatement benign = s.apply("plain").compile(vendor);
        for (String n : NAMES) {
          if (benign.sql().contains(d.quote(n))) {
            // The quoted identifier appears; the raw one never appears outside its quotes.
            String withoutQuoted = benign.sql().replace(d.quote(n), "");
            assertTrue(!withoutQuoted.contains(n) || n.length() < 3, vendor + ": " + benign.sql());
          }
        }
        for (String v : VALUES) {
          CompiledStatement c = s.apply(v).compile(vendor);
          assertEquals(benign.sql(), c.sql(), vendor + " text must not depend on the value " + v);
          boolean found = false;
          for (Parameter p : c.parameters()) {
            // Literally, or escaped for LIKE / GLOB by contains, startsWith and endsWith.
            found |= p.value() instanceof String str && (str.contains(v) || str.contains(Ops.escapeLike(v, '\\'))
                || str.contains(LiteralMatch.escapeGlob(v)));
          }
          assertTrue(found, vendor + " value " + v + " travels as a parameter");
          assertEquals(benign.parameters().size(), c.parameters().size());
        }
      }
    }
  }

  @Test
  void exactSqlForAHostileTable() {
    Table t = hostileTable();
    StringColumn q = (StringColumn) t.column("q?marks");
    StringColumn quote2 = (StringColumn) t.column("quote \" two");
    Select s = select(q, quote2).from(t).where(q.eq("?"), quote2.contains("%"));
    assertEquals("SELECT \"quote ' one\".\"q?marks\", \"quote ' one\".\"quote \"\" two\" FROM \"quote ' one\" WHERE"
        + " \"quote ' one\".\"q?marks\" = ? AND \"quote ' one\".\"quote \"\" two\" LIKE ? ESCAPE '\\'",
        s.compile(Vendor.POSTGRESQL).sql());
    assertEquals("SELECT `quote ' one`.`q?marks`, `quote ' one`.`quote \" two` FROM `quote ' one` WHERE"
        + " `quote ' one`.`q?marks` = ? AND `quote ' one`.`quote \" two` LIKE CAST(? AS BINARY) ESCAPE '\\\\'",
        s.compile(Vendor.MYSQL).sql());
    assertEquals(List.of("?", "%\\%%"), s.compile(Vendor.MYSQL).parameters().stream().map(Parameter::value).toList());
  }
}
