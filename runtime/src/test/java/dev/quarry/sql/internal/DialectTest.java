package dev.quarry.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.LockWait;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.DmlKind;
import dev.quarry.sql.internal.UpsertStyle;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quoting, DDL type names and capabilities of each dialect. */
class DialectTest {
  static final String[] HOSTILE = {
    "per % cent", "col:ons", "q?marks", "[BracketsAndCase]", "dot.s", "1param", "more :: %colons%", "has spaces",
    "quote ' one", "quote \" two", "back`tick"
  };

  @Test
  void ofReturnsOneDialectPerVendor() {
    for (Vendor v : Vendor.values()) {
      assertSame(v, Dialect.of(v).vendor());
      assertSame(Dialect.of(v), Dialect.of(v));
    }
  }

  @Test
  void doubleQuoteDialectsQuoteHostileIdentifiers() {
    String[] expected = {
      "\"per % cent\"", "\"col:ons\"", "\"q?marks\"", "\"[BracketsAndCase]\"", "\"dot.s\"", "\"1param\"",
      "\"more :: %colons%\"", "\"has spaces\"", "\"quote ' one\"", "\"quote \"\" two\"", "\"back`tick\""
    };
    for (Vendor v : new Vendor[] {Vendor.SQLITE, Vendor.H2, Vendor.POSTGRESQL, Vendor.OTHER}) {
      for (int i = 0; i < HOSTILE.length; i++) {
        assertEquals(expected[i], Dialect.of(v).quote(HOSTILE[i]), v + " " + HOSTILE[i]);
      }
    }
  }

  @Test
  void mysqlQuotesWithBackticks() {
    String[] expected = {
      "`per % cent`", "`col:ons`", "`q?marks`", "`[BracketsAndCase]`", "`dot.s`", "`1param`", "`more :: %colons%`",
      "`has spaces`", "`quote ' one`", "`quote \" two`", "`back``tick`"
    };
    for (Vendor v : new Vendor[] {Vendor.MYSQL, Vendor.MARIADB}) {
      for (int i = 0; i < HOSTILE.length; i++) {
        assertEquals(expected[i], Dialect.of(v).quote(HOSTILE[i]), v + " " + HOSTILE[i]);
      }
    }
  }

  @Test
  void plainLowerCaseNamesAreWrittenAsTheyAreOthersQuoted() {
    for (Vendor v : Vendor.values()) {
      Dialect d = Dialect.of(v);
      char q = v == Vendor.MYSQL || v == Vendor.MARIADB ? '`' : '"';
      assertEquals("users", d.quote("users"), v.name());
      assertEquals("order_lines_2", d.quote("order_lines_2"), v.name());
      assertEquals("_hidden", d.quote("_hidden"), v.name());
      for (String needs : new String[] {"Users", "USERS", "order", "select", "2nd", "caf\u00e9", "with space", "a-b"}) {
        assertEquals(q + needs + q, d.quote(needs), v + " " + needs);
      }
      assertEquals(q + "users" + q, Dialect.of(v, IdentifierQuoting.EVERY_NAME).quote("users"), v.name());
    }
    // Reserved words are per database: H2 and MariaDB reserve "value" and "key", PostgreSQL and SQLite do not.
    assertEquals("\"value\"", Dialect.of(Vendor.H2).quote("value"));
    assertEquals("`key`", Dialect.of(Vendor.MARIADB).quote("key"));
    assertEquals("value", Dialect.of(Vendor.POSTGRESQL).quote("value"));
    assertEquals("key", Dialect.of(Vendor.SQLITE).quote("key"));
    assertEquals("\"user\"", Dialect.of(Vendor.POSTGRESQL).quote("user"));
    assertEquals("\"value\"", Dialect.of(Vendor.OTHER).quote("value"), "an unknown database: any database's words");
  }

  @Test
  void catalogNamesAreHowTheDatabaseListsWhatWasCreated() {
    assertEquals("USERS", Dialect.of(Vendor.H2).catalogName("users"));
    assertEquals("value", Dialect.of(Vendor.H2).catalogName("value"), "quoted: exact");
    assertEquals("Users", Dialect.of(Vendor.H2).catalogName("Users"));
    assertEquals("users", Dialect.of(Vendor.H2, IdentifierQuoting.EVERY_NAME).catalogName("users"));
    assertEquals("users", Dialect.of(Vendor.POSTGRESQL).catalogName("users"));
    assertEquals("users", Dialect.of(Vendor.MARIADB).catalogName("users"));
  }

  @Test
  void qualifiedNamesAndInvalidIdentifiers() {
    assertEquals("shop.\"dot.s\"", Dialect.of(Vendor.POSTGRESQL).quote("shop", "dot.s"));
    assertEquals("t", Dialect.of(Vendor.POSTGRESQL).quote(null, "t"));
    assertThrows(IllegalArgumentException.class, () -> Dialect.of(Vendor.H2).quote(""));
    assertThrows(IllegalArgumentException.class, () -> Dialect.of(Vendor.H2).quote(null));
    assertThrows(IllegalArgumentException.class, () -> Dialect.of(Vendor.H2).quote("a\0b"));
  }

  private static Map<String, SqlType<?>> types() {
    Map<String, SqlType<?>> m = new LinkedHashMap<>();
    m.put("boolean", SqlTypes.BOOLEAN);
    m.put("tinyint", SqlTypes.TINYINT);
    m.put("smallint", SqlTypes.SMALLINT);
    m.put("integer", SqlTypes.INTEGER);
    m.put("bigint", SqlTypes.BIGINT);
    m.put("real", SqlTypes.REAL);
    m.put("double", SqlTypes.DOUBLE);
    m.put("decimal", SqlTypes.decimal(10, 2));
    m.put("decimalBare", SqlTypes.DECIMAL);
    m.put("char", SqlTypes.CHAR);
    m.put("varchar", SqlTypes.varchar(100));
    m.put("text", SqlTypes.TEXT);
    m.put("date", SqlTypes.DATE);
    m.put("time", SqlTypes.TIME);
    m.put("timestamp", SqlTypes.TIMESTAMP);
    m.put("timestamptz", SqlTypes.TIMESTAMP_TZ);
    m.put("uuid", SqlTypes.UUID_TYPE);
    m.put("binary", SqlTypes.BINARY);
    m.put("varbinary", SqlTypes.binary(16));
    return m;
  }

  private static void assertTypes(Vendor v, String... expected) {
    Map<String, SqlType<?>> types = types();
    int i = 0;
    for (Map.Entry<String, SqlType<?>> e : types.entrySet()) {
      assertEquals(expected[i++], Dialect.of(v).typeName(e.getValue()), v + " " + e.getKey());
    }
    assertEquals(types.size(), expected.length);
  }

  @Test
  void ddlTypeNames() {
    assertTypes(Vendor.SQLITE, "BOOLEAN", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "REAL", "DOUBLE", "DECIMAL(10,2)",
        "DECIMAL", "CHAR(1)", "VARCHAR(100)", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "BLOB", "BLOB");
    assertTypes(Vendor.H2, "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION",
        "DECIMAL(10,2)", "DECFLOAT", "CHAR(1)", "VARCHAR(100)", "CHARACTER VARYING", "DATE", "TIME(6)", "TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE", "UUID", "BINARY LARGE OBJECT", "VARBINARY(16)");
    assertTypes(Vendor.POSTGRESQL, "BOOLEAN", "SMALLINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION",
        "NUMERIC(10,2)", "NUMERIC", "CHAR(1)", "VARCHAR(100)", "TEXT", "DATE", "TIME", "TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE", "UUID", "BYTEA", "BYTEA");
    // REAL is a DOUBLE on MySQL and MariaDB: their FLOAT values come back as text with 6 significant digits
    for (Vendor mysql : new Vendor[] {Vendor.MYSQL, Vendor.MARIADB}) {
      assertTypes(mysql, "BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "DOUBLE", "DOUBLE", "DECIMAL(10,2)",
          "DECIMAL(38,10)", "CHAR(1)", "VARCHAR(100)", "LONGTEXT", "DATE", "TIME(6)", "DATETIME(6)", "DATETIME(6)",
          "CHAR(36)", "LONGBLOB", "VARBINARY(16)");
      assertEquals("DECIMAL(65,0)", Dialect.of(mysql).typeName(SqlTypes.BIG_INTEGER), "38 integer digits do not fit (38,10)");
    }
    assertTypes(Vendor.OTHER, "BOOLEAN", "SMALLINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION",
        "DECIMAL(10,2)", "DECIMAL", "CHAR(1)", "VARCHAR(100)", "CLOB", "DATE", "TIME", "TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE", "CHAR(36)", "BLOB", "VARBINARY(16)");
  }

  @Test
  void identityColumns() {
    assertEquals("INTEGER PRIMARY KEY AUTOINCREMENT", Dialect.of(Vendor.SQLITE).identityTypeName(SqlTypes.BIGINT));
    assertTrue(Dialect.of(Vendor.SQLITE).identityNeedsInlinePrimaryKey());
    assertEquals("BIGINT GENERATED BY DEFAULT AS IDENTITY", Dialect.of(Vendor.POSTGRESQL).identityTypeName(SqlTypes.BIGINT));
    assertEquals("INTEGER GENERATED BY DEFAULT AS IDENTITY", Dialect.of(Vendor.H2).identityTypeName(SqlTypes.INTEGER));
    assertEquals("BIGINT AUTO_INCREMENT", Dialect.of(Vendor.MYSQL).identityTypeName(SqlTypes.BIGINT));
    assertFalse(Dialect.of(Vendor.POSTGRESQL).identityNeedsInlinePrimaryKey());
  }

  @Test
  void capabilities() {
    assertEquals(UpsertStyle.ON_CONFLICT, Dialect.of(Vendor.POSTGRESQL).upsertStyle());
    assertEquals(UpsertStyle.ON_CONFLICT, Dialect.of(Vendor.SQLITE).upsertStyle());
    assertEquals(UpsertStyle.MERGE, Dialect.of(Vendor.H2).upsertStyle());
    assertEquals(UpsertStyle.ON_DUPLICATE_KEY, Dialect.of(Vendor.MYSQL).upsertStyle());
    assertEquals(UpsertStyle.ON_DUPLICATE_KEY, Dialect.of(Vendor.MARIADB).upsertStyle());
    for (DmlKind k : DmlKind.values()) {
      assertTrue(Dialect.of(Vendor.POSTGRESQL).supportsReturning(k));
      assertTrue(Dialect.of(Vendor.SQLITE).supportsReturning(k));
      assertFalse(Dialect.of(Vendor.H2).supportsReturning(k));
      assertFalse(Dialect.of(Vendor.MYSQL).supportsReturning(k));
    }
    assertTrue(Dialect.of(Vendor.MARIADB).supportsReturning(DmlKind.INSERT));
    assertFalse(Dialect.of(Vendor.MARIADB).supportsReturning(DmlKind.UPDATE));
    assertEquals(32_766, Dialect.of(Vendor.SQLITE).maxBindParameters());
    assertEquals(32_767, Dialect.of(Vendor.POSTGRESQL).maxBindParameters());
    assertFalse(Dialect.of(Vendor.SQLITE).supportsForUpdate());
    assertFalse(Dialect.of(Vendor.SQLITE).supports(LockWait.NOWAIT));
    assertTrue(Dialect.of(Vendor.POSTGRESQL).supports(LockWait.SKIP_LOCKED));
    assertFalse(Dialect.of(Vendor.MYSQL).supportsFullJoin());
    assertEquals("1", Dialect.of(Vendor.SQLITE).booleanLiteral(true));
    assertEquals("FALSE", Dialect.of(Vendor.POSTGRESQL).booleanLiteral(false));
    assertEquals("'\\'", Dialect.of(Vendor.POSTGRESQL).likeEscapeLiteral());
    assertEquals("'\\\\'", Dialect.of(Vendor.MYSQL).likeEscapeLiteral());
    assertFalse(Dialect.of(Vendor.SQLITE).hasNativeType(dev.quarry.types.TypeKind.DATE));
    assertTrue(Dialect.of(Vendor.POSTGRESQL).hasNativeType(dev.quarry.types.TypeKind.DATE));
  }
}
