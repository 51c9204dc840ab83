package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Row;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.Column;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading back what createAll created gives the model the tables describe, on every database;
 * what a database cannot keep (docs/DATABASES.md, "Reading a live schema") is asserted as the
 * documented difference, column by column.
 */
class SchemaReflectionTest {

  /** Products: most types, defaults, checks, a SET NULL key, a composite unique constraint. */
  static Table products(Vendor vendor) {
    Dialect d = Dialect.of(vendor);
    return Table.builder("products")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("code", SqlTypes.varchar(12)).notNull())
        .column(ColumnSpec.of("title", SqlTypes.varchar(200)).notNull().serverDefault("'untitled'"))
        .column(ColumnSpec.of("price", SqlTypes.decimal(10, 2)).notNull().serverDefault("0"))
        .column(ColumnSpec.of("weight", SqlTypes.DOUBLE))
        .column(ColumnSpec.of("ratio", SqlTypes.REAL))
        .column(ColumnSpec.of("stock", SqlTypes.INTEGER).notNull().serverDefault("1"))
        .column(ColumnSpec.of("rank", SqlTypes.SMALLINT))
        .column(ColumnSpec.of("active", SqlTypes.BOOLEAN).notNull())
        .column(ColumnSpec.of("grade", SqlTypes.CHAR))
        .column(ColumnSpec.of("notes", SqlTypes.TEXT))
        .column(ColumnSpec.of("released", SqlTypes.DATE))
        .column(ColumnSpec.of("opens", SqlTypes.TIME))
        .column(ColumnSpec.of("created", SqlTypes.TIMESTAMP))
        .column(ColumnSpec.of("changed", SqlTypes.TIMESTAMP_TZ))
        .column(ColumnSpec.of("ref", SqlTypes.UUID_TYPE))
        .column(ColumnSpec.of("image", SqlTypes.BINARY))
        .column(ColumnSpec.of("thumb", SqlTypes.binary(64)))
        .column(ColumnSpec.of("owner_id", SqlTypes.BIGINT))
        .foreignKey("fk_products_owner", List.of("owner_id"), null, "users", List.of("id"), ReferentialAction.SET_NULL,
            ReferentialAction.CASCADE)
        .unique("uq_products_code_title", "code", "title")
        .check("ck_products_price", d.quote("price") + " >= 0")
        .check("ck_products_stock", d.quote("stock") + " BETWEEN 0 AND 1000")
        .index("ix_products_created", false, "created", "id")
        .build();
  }

  static List<Table> tables(Vendor vendor) {
    return List.of(new ShopTables.Users(vendor), new ShopTables.Orders(), new ShopTables.OrderLines(),
        products(vendor));
  }

  @AllDatabases
  void readingBackWhatCreateAllCreatedGivesTheSameModel(TestDatabase db) {
    Vendor vendor = db.vendor();
    List<Table> tables = tables(vendor);
    Metadata.of(tables).createAll(db.engine());

    SchemaModel declared = SchemaModel.of(tables);
    SchemaModel read = Metadata.reflect(db.engine());

    assertEquals(declared.tables().stream().map(TableModel::name).toList(),
        read.tables().stream().map(TableModel::name).toList(), "the tables");
    for (TableModel t : declared.tables()) {
      TableModel actual = read.table(t.name());
      assertNotNull(actual, t.name());
      TableModel expected = asStored(vendor, t);
      for (ColumnModel c : expected.columns()) {
        assertEquals(c, actual.column(c.name()), vendor + ": " + t.name() + "." + c.name());
      }
      assertEquals(expected.primaryKey(), actual.primaryKey(), t.name() + " primary key");
      assertEquals(expected.foreignKeys(), actual.foreignKeys(), t.name() + " foreign keys");
      assertEquals(expected.uniques(), actual.uniques(), t.name() + " unique constraints");
      assertEquals(expected.checks(), actual.checks(), t.name() + " checks");
      assertEquals(expected.indexes(), actual.indexes(), t.name() + " indexes");
      assertEquals(expected, actual, t.name());
    }
    // SQLite has no sequences: createAll creates none and there are none to read.
    assertEquals(vendor == Vendor.SQLITE ? List.of() : List.of(new SequenceDef(null, "orders_seq", 50)),
        read.sequences());
  }

  /**
   * The model as {@code vendor} keeps it: the documented differences of docs/DATABASES.md,
   * "Reading a live schema". Everything else must come back as declared.
   */
  static TableModel asStored(Vendor vendor, TableModel t) {
    List<ColumnModel> columns = new ArrayList<>();
    for (ColumnModel c : t.columns()) {
      String serverDefault = c.serverDefault();
      if (vendor == Vendor.MARIADB && c.type().kind() == TypeKind.DECIMAL && "0".equals(serverDefault)) {
        // MariaDB keeps a literal default as the column's value: 0 in DECIMAL(10,2) is 0.00.
        serverDefault = "0.00";
      }
      columns.add(new ColumnModel(c.name(), storedType(vendor, c.type()), c.nullable(), c.autoIncrement(), c.unique(),
          serverDefault));
    }
    // NO ACTION is the default action: it reads as DEFAULT everywhere.
    List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(), fk.targetSchema(),
        fk.targetTable(), fk.targetColumns(), noAction(fk.onDelete()), noAction(fk.onUpdate()))).toList();
    List<UniqueDef> uniques = t.uniques();
    List<IndexDef> indexes = t.indexes();
    if (vendor == Vendor.MARIADB) {
      // MariaDB keeps a unique constraint as a unique index.
      indexes = new ArrayList<>(indexes);
      for (UniqueDef u : uniques) {
        indexes.add(new IndexDef(u.name(), u.columns(), true));
      }
      uniques = List.of();
    }
    // A check reads back as the database keeps it, which is not always as written (names are
    // normalised; the text is not re-parsed). Simple comparisons come back as written everywhere.
    Map<String, String> kept = switch (vendor) {
      // H2 and PostgreSQL keep a condition as they compiled it.
      case H2 -> Map.of("ck_products_price", "price >= CAST(0 AS NUMERIC(1))");
      case POSTGRESQL -> Map.of("ck_products_price", "price >= (0)::numeric",
          "ck_products_stock", "(stock >= 0) AND (stock <= 1000)");
      // MariaDB lower-cases keywords.
      case MARIADB -> Map.of("ck_products_stock", "stock between 0 and 1000");
      default -> Map.of();
    };
    List<CheckDef> checks = t.checks().stream()
        .map(c -> kept.containsKey(c.name()) ? new CheckDef(c.name(), kept.get(c.name())) : c).toList();
    return new TableModel(t.schema(), t.name(), columns, t.primaryKey(), fks, uniques, checks, indexes);
  }

  private static ReferentialAction noAction(ReferentialAction a) {
    return a == ReferentialAction.NO_ACTION ? ReferentialAction.DEFAULT : a;
  }

  static SqlType<?> storedType(Vendor vendor, SqlType<?> type) {
    TypeKind kind = type.kind();
    switch (vendor) {
      case SQLITE:
        // Every integer is INTEGER (64 bits); dates, times and UUIDs are ISO text.
        switch (kind) {
          case TINYINT, SMALLINT, INTEGER, BIGINT:
            return SqlTypes.BIGINT;
          case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, TEXT:
            return SqlTypes.TEXT;
          default:
            return type;
        }
      case MARIADB:
        // No time zone in DATETIME; REAL is stored as DOUBLE.
        switch (kind) {
          case TIMESTAMP_TZ:
            return SqlTypes.TIMESTAMP;
          case REAL:
            return SqlTypes.DOUBLE;
          default:
            return type;
        }
      case POSTGRESQL:
        // No TINYINT; BYTEA has no length.
        return kind == TypeKind.TINYINT ? SqlTypes.SMALLINT : kind == TypeKind.BINARY ? SqlTypes.BINARY : type;
      default:
        return type;
    }
  }

  @AllDatabases
  void aReflectedTableWorksInCoreQueries(TestDatabase db) {
    Metadata.of(tables(db.vendor())).createAll(db.engine());
    Map<String, Table> tables = Metadata.reflectTables(db.engine());
    Table users = tables.get("users");
    @SuppressWarnings("unchecked")
    Column<String> name = (Column<String>) users.column("name");
    @SuppressWarnings("unchecked")
    Column<String> email = (Column<String>) users.column("email");
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(Sql.insertInto(users).set(name, "Ada").set(email, "ada@example.com"));
      Row row = c.execute(Sql.select(users.column("id"), name, users.column("age")).from(users)
          .where(email.eq("ada@example.com"))).one();
      assertEquals("Ada", row.get(name));
      assertEquals(0, ((Number) row.get(users.column("age"))).intValue(), "the server default");
      assertNotNull(row.get(users.column("id")), "the identity");
    }
    // The reflected tables describe the same schema: createAll of them finds everything there.
    assertEquals(List.of(), Metadata.of(tables.values()).createAll(db.engine()));
  }

  /** Quoted mixed-case names come back exactly; plain names as the model writes them (lower case). */
  static Table lineItems(Vendor vendor, String schema) {
    Dialect d = Dialect.of(vendor);
    Table.Builder b = Table.builder(schema, "LineItems")
        .column(ColumnSpec.of("Id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("Qty", SqlTypes.INTEGER).notNull())
        .column(ColumnSpec.of("parent", SqlTypes.INTEGER))
        .foreignKey("Fk_Parent", List.of("parent"), null, "LineItems", List.of("Id"), ReferentialAction.CASCADE,
            ReferentialAction.DEFAULT)
        .unique("Uq_Qty_Parent", "Qty", "parent")
        .check("Ck_Qty", d.quote("Qty") + " > 0")
        .index("Ix_Parent", false, "parent");
    if (d.supportsSequences()) {
      b.sequence("Line_Seq", 10);
    }
    return b.build();
  }

  @AllDatabases
  void quotedMixedCaseNamesComeBackExactly(TestDatabase db) {
    Table t = lineItems(db.vendor(), null);
    Metadata.of(t).createAll(db.engine());
    SchemaModel read = Metadata.reflect(db.engine());
    assertEquals(asStored(db.vendor(), TableModel.of(t)), read.table("LineItems"));
    assertEquals(t.sequences(), read.sequences());
  }

  @AllDatabases({TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRES})
  void aNamedSchemaIsReadWithItsName(TestDatabase db) {
    db.execute("CREATE SCHEMA \"Shop\"");
    Table plain = Table.builder("items").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey()).build();
    Table shop = lineItems(db.vendor(), "Shop");
    Metadata.of(plain, shop).createAll(db.engine());
    SchemaModel read = Metadata.reflect(db.engine(), "Shop");
    assertEquals(SchemaModel.of(List.of(shop)), read);
    assertEquals(List.of("items"), Metadata.reflect(db.engine()).tables().stream().map(TableModel::name).toList());
  }

  @AllDatabases({TestDatabase.Kind.POSTGRES})
  void postgresDecorationsAreRemoved(TestDatabase db) {
    db.execute("CREATE TABLE legacy (id SERIAL PRIMARY KEY, big BIGINT GENERATED ALWAYS AS IDENTITY,"
        + " doc JSONB, name VARCHAR(10) DEFAULT 'x', created TIMESTAMPTZ DEFAULT now(), n NUMERIC DEFAULT -1)");
    TableModel t = Metadata.reflect(db.engine()).table("legacy");
    assertEquals(new ColumnModel("id", SqlTypes.INTEGER, false, true, false, null), t.column("id"), "serial");
    assertEquals(new ColumnModel("big", SqlTypes.BIGINT, false, true, false, null), t.column("big"), "identity");
    assertEquals(TypeKind.JSON, t.column("doc").type().kind());
    assertEquals("'x'", t.column("name").serverDefault(), "'x'::character varying without the cast");
    assertEquals("now()", t.column("created").serverDefault());
    assertEquals(SqlTypes.TIMESTAMP_TZ, t.column("created").type());
    assertEquals(SqlTypes.DECIMAL, t.column("n").type(), "NUMERIC without precision");
    assertEquals("'-1'", t.column("n").serverDefault(), "PostgreSQL keeps -1 as '-1'::numeric: the quotes stay");
    assertEquals(List.of(), Metadata.reflect(db.engine()).sequences(), "sequences of serial and identity columns are theirs");
  }

  @AllDatabases
  void jsonColumnsReadAsJsonWhereTheDatabaseSaysSo(TestDatabase db) {
    Table docs = Table.builder("docs")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("body", dev.quarry.types.JsonTypes.of(Map.class,
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {})))
        .build();
    Metadata.of(docs).createAll(db.engine());
    TableModel t = Metadata.reflect(db.engine()).table("docs");
    // PostgreSQL's JSONB and MariaDB's JSON (LONGTEXT checked by json_valid) are JSON; H2 and
    // SQLite store Quarry's JSON as plain text, which reads as TEXT. Values read as JSON text.
    boolean json = db.vendor() == Vendor.POSTGRESQL || db.vendor() == Vendor.MARIADB;
    assertEquals(json ? Dialect.JsonText.INSTANCE : SqlTypes.TEXT, t.column("body").type());
    assertEquals(List.of(), t.checks(), "MariaDB's json_valid check is the column's type");
    try (Connection c = db.engine().connect()) {
      Table read = t.toTable();
      @SuppressWarnings("unchecked")
      Column<String> body = (Column<String>) read.column("body");
      @SuppressWarnings("unchecked")
      Column<Object> id = (Column<Object>) read.column("id");
      // SQLite's INTEGER reads as BIGINT (Long); elsewhere INTEGER (Integer).
      Object one = db.vendor() == Vendor.SQLITE ? (Object) 1L : (Object) 1;
      c.executeUpdate(Sql.insertInto(read).set(id, one).set(body, "{\"a\":1}"));
      String text = c.execute(Sql.select(body).from(read)).one().get(body);
      assertEquals("{\"a\": 1}", text.replace("\":1", "\": 1"), "PostgreSQL writes JSONB text its own way");
    }
  }

  @AllDatabases({TestDatabase.Kind.POSTGRES})
  void aTypeQuarryDoesNotWriteIsAnErrorNamingTheColumn(TestDatabase db) {
    db.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, spot POINT)");
    SchemaException e = org.junit.jupiter.api.Assertions.assertThrows(SchemaException.class,
        () -> Metadata.reflect(db.engine()));
    assertEquals(true, e.getMessage().contains("table places, column spot"), e.getMessage());
    assertEquals(true, e.getMessage().contains("point"), e.getMessage());
  }

  @AllDatabases({TestDatabase.Kind.SQLITE})
  void sqliteHasNoNamedSchemas(TestDatabase db) {
    SchemaException e = org.junit.jupiter.api.Assertions.assertThrows(SchemaException.class,
        () -> Metadata.reflect(db.engine(), "shop"));
    assertEquals("SQLite has no schemas to read besides the default one (asked for shop)", e.getMessage());
  }

  @Test
  void namesAndTypesMapBackAsTheModelWritesThem() {
    assertEquals("users", Dialect.of(Vendor.H2).modelName("USERS"));
    assertEquals("Users", Dialect.of(Vendor.H2).modelName("Users"));
    assertEquals("ORDER", Dialect.of(Vendor.H2).modelName("ORDER"), "a reserved word was quoted: exact");
    assertEquals("USERS", Dialect.of(Vendor.POSTGRESQL).modelName("USERS"));
    assertEquals(SqlTypes.BOOLEAN, Dialect.of(Vendor.MARIADB).typeFromCatalog("tinyint", 1, 0, 0));
    assertEquals(SqlTypes.TINYINT, Dialect.of(Vendor.MARIADB).typeFromCatalog("tinyint", 4, 0, 0));
    assertEquals(SqlTypes.UUID_TYPE, Dialect.of(Vendor.MARIADB).typeFromCatalog("char", 36, 0, 0));
    assertEquals(SqlTypes.CHAR.withLength(36), Dialect.of(Vendor.H2).typeFromCatalog("CHARACTER", 36, 0, 0));
    assertEquals(SqlTypes.TEXT, Dialect.of(Vendor.H2).typeFromCatalog("CHARACTER VARYING", 1_000_000_000, 0, 0));
  }
}
