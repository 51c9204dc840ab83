package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.schema.SchemaChange.AddCheck;
import dev.quarry.schema.SchemaChange.AddColumn;
import dev.quarry.schema.SchemaChange.AddForeignKey;
import dev.quarry.schema.SchemaChange.AddUnique;
import dev.quarry.schema.SchemaChange.AlterColumnDefault;
import dev.quarry.schema.SchemaChange.AlterColumnNullable;
import dev.quarry.schema.SchemaChange.AlterColumnType;
import dev.quarry.schema.SchemaChange.ConstraintKind;
import dev.quarry.schema.SchemaChange.CreateIndex;
import dev.quarry.schema.SchemaChange.CreateSequence;
import dev.quarry.schema.SchemaChange.CreateTable;
import dev.quarry.schema.SchemaChange.DropColumn;
import dev.quarry.schema.SchemaChange.DropConstraint;
import dev.quarry.schema.SchemaChange.DropIndex;
import dev.quarry.schema.SchemaChange.DropTable;
import dev.quarry.schema.SchemaChange.RenameColumn;
import dev.quarry.schema.SchemaChange.RenameTable;
import dev.quarry.schema.SchemaChanges.Diff;
import dev.quarry.schema.SchemaChanges.Renames;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alembic autogenerate's property on every database: a model compared with the schema created from
 * it has no changes (each side compared as the database keeps it), and a changed model gives
 * exactly the changes that make the database match it again.
 */
class SchemaDiffTest {

  @AllDatabases
  void aModelComparedWithTheSchemaCreatedFromItIsEmpty(TestDatabase db) {
    Vendor vendor = db.vendor();
    List<Table> tables = new ArrayList<>(SchemaReflectionTest.tables(vendor));
    tables.add(ShopTables.departments());
    tables.add(ShopTables.employees());
    tables.add(SchemaReflectionTest.lineItems(vendor, null));
    Metadata.of(tables).createAll(db.engine());

    Diff diff = SchemaChanges.diff(Metadata.reflect(db.engine()), SchemaModel.of(tables), vendor, Renames.NONE);

    assertEquals(List.of(), diff.changes(), () -> "notes: " + diff.notes());
    // What is not compared is said: the conditions a database respells, SQLite's missing sequences.
    for (String note : diff.notes()) {
      assertTrue(note.startsWith("check ") || note.contains("has no sequences"), note);
    }
  }

  /**
   * The other direction, as autogenerate's downgrade compares: the model against the schema read
   * back is empty too. MariaDB reads a unique constraint back as a unique index; compared from the
   * model's side it once gave "drop the unique constraint, create the index", which MariaDB
   * refuses when a foreign key needs that index.
   */
  @AllDatabases
  void theSchemaCreatedFromAModelComparedWithTheModelIsEmpty(TestDatabase db) {
    Vendor vendor = db.vendor();
    List<Table> tables = new ArrayList<>(SchemaReflectionTest.tables(vendor));
    tables.add(SchemaReflectionTest.lineItems(vendor, null));
    Metadata.of(tables).createAll(db.engine());

    Diff diff = SchemaChanges.diff(SchemaModel.of(tables), Metadata.reflect(db.engine()), vendor, Renames.NONE);

    assertEquals(List.of(), diff.changes(), () -> "notes: " + diff.notes());
  }

  static Table legacy() {
    return Table.builder("legacy").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey()).build();
  }

  /** SchemaChangeExecutionTest's users with a unique constraint and a check, which {@link #changed} drops. */
  static Table usersBefore(Vendor vendor) {
    return Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull())
        .column(ColumnSpec.of("email", SqlTypes.varchar(200)))
        .column(ColumnSpec.of("age", SqlTypes.INTEGER).notNull().serverDefault("0"))
        .index("ix_users_email", false, "email")
        .unique("uq_users_email", "email")
        .check("ck_users_age", Dialect.of(vendor).quote("age") + " >= 0")
        .build();
  }

  /** users and orders changed in every way a diff sees, a table added and one dropped. */
  static SchemaModel changed(Vendor vendor) {
    Dialect d = Dialect.of(vendor);
    Table users = Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(120)).notNull())
        .column(ColumnSpec.of("age", SqlTypes.INTEGER).notNull().serverDefault("5"))
        .column(ColumnSpec.of("nickname", SqlTypes.varchar(40)))
        .unique("uq_users_name", "name")
        .build();
    Table orders = Table.builder("orders")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("total", SqlTypes.decimal(10, 2)).serverDefault("0"))
        .foreignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.RESTRICT,
            ReferentialAction.DEFAULT)
        .check("ck_orders_total", d.quote("total") + " >= 0")
        .index("ix_orders_total", false, "total")
        .build();
    Table.Builder notes = Table.builder("notes")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT))
        .column(ColumnSpec.of("body", SqlTypes.TEXT).notNull())
        .foreignKey("fk_notes_user", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.CASCADE,
            ReferentialAction.DEFAULT);
    if (d.supportsSequences()) {
      notes.sequence("invoice_seq", 20);
    }
    return SchemaModel.of(List.of(users, orders, notes.build()));
  }

  @AllDatabases
  void aChangedModelGivesExactlyItsChangesAndApplyingThemLeavesNone(TestDatabase db) throws SQLException {
    Vendor vendor = db.vendor();
    List<Table> tables = List.of(usersBefore(vendor), SchemaChangeExecutionTest.orders(), legacy());
    Metadata.of(tables).createAll(db.engine());
    db.execute("INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.com')",
        "INSERT INTO orders (id, user_id, total) VALUES (10, 1, 12.50)");
    SchemaModel target = changed(vendor);
    SchemaModel read = Metadata.reflect(db.engine());

    Diff diff = SchemaChanges.diff(read, target, vendor, Renames.NONE);

    List<SchemaChange> expected = new ArrayList<>();
    expected.add(new DropConstraint(null, "orders", "fk_orders_user", ConstraintKind.FOREIGN_KEY));
    expected.add(new DropTable(null, "legacy"));
    expected.add(new DropIndex(null, "users", "ix_users_email"));
    if (Dialect.of(vendor).keepsUniqueConstraintsAsIndexes()) {
      // MariaDB has no unique constraint apart from its index: the index is dropped.
      expected.add(new DropIndex(null, "users", "uq_users_email"));
    } else {
      expected.add(new DropConstraint(null, "users", "uq_users_email", ConstraintKind.UNIQUE));
    }
    expected.add(new DropConstraint(null, "users", "ck_users_age", ConstraintKind.CHECK));
    if (Dialect.of(vendor).supportsSequences()) {
      expected.add(new CreateSequence(new SequenceDef(null, "invoice_seq", 20)));
    }
    expected.add(new CreateTable(target.table("notes")));
    expected.add(new AddColumn(null, "users", target.table("users").column("nickname")));
    expected.add(new AlterColumnNullable(null, "orders", "total", true));
    expected.add(new AlterColumnType(null, "users", "name", SqlTypes.varchar(120)));
    expected.add(new AlterColumnDefault(null, "users", "age", "5"));
    expected.add(new AddCheck(null, "orders", target.table("orders").checks().get(0)));
    expected.add(new AddUnique(null, "users", new UniqueDef("uq_users_name", List.of("name"))));
    expected.add(new CreateIndex(null, "orders", new IndexDef("ix_orders_total", List.of("total"), false)));
    expected.add(new AddForeignKey(null, "orders", target.table("orders").foreignKeys().get(0)));
    expected.add(new DropColumn(null, "users", "email"));
    assertEquals(expected.stream().map(SchemaChange::describe).toList(),
        diff.changes().stream().map(SchemaChange::describe).toList());
    assertEquals(expected, diff.changes());

    SchemaChangeExecutionTest.run(db, diff.changes(), read);

    Diff after = SchemaChanges.diff(Metadata.reflect(db.engine()), target, vendor, Renames.NONE);
    assertEquals(List.of(), after.changes(), () -> "notes: " + after.notes());
    assertEquals("1 Ada 0 null", SchemaChangeExecutionTest.rows(db, "SELECT id, name, age, nickname FROM users"),
        "the user's row, its age kept (the new default applies to new rows)");
    assertEquals("10 1 12.5", SchemaChangeExecutionTest.rows(db, "SELECT id, user_id, total FROM orders"));
  }

  static SchemaModel renamed(Vendor vendor) {
    Table users = Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull())
        .column(ColumnSpec.of("mail", SqlTypes.varchar(200)))
        .column(ColumnSpec.of("age", SqlTypes.INTEGER).notNull().serverDefault("0"))
        .index("ix_users_email", false, "mail")
        .build();
    Table purchases = Table.builder("purchases")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("total", SqlTypes.decimal(10, 2)).notNull().serverDefault("0"))
        .foreignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.CASCADE,
            ReferentialAction.DEFAULT)
        .build();
    return SchemaModel.of(List.of(users, purchases));
  }

  @AllDatabases
  void renamesAreNotedWithoutHintsAndMadeWithThem(TestDatabase db) throws SQLException {
    Vendor vendor = db.vendor();
    Metadata.of(SchemaChangeExecutionTest.users(vendor), SchemaChangeExecutionTest.orders()).createAll(db.engine());
    db.execute("INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.com')",
        "INSERT INTO orders (id, user_id, total) VALUES (10, 1, 12.50)");
    SchemaModel read = Metadata.reflect(db.engine());
    SchemaModel target = renamed(vendor);

    Diff guessed = SchemaChanges.diff(read, target, vendor, Renames.NONE);
    assertTrue(guessed.notes().contains(
        "possible rename: users.email -> users.mail (pass a rename hint to rename instead of dropping and adding)"),
        guessed.notes().toString());
    assertTrue(guessed.changes().contains(new DropTable(null, "orders")), guessed.changes().toString());
    assertTrue(guessed.changes().contains(new DropColumn(null, "users", "email")), guessed.changes().toString());

    Renames hints = new Renames(Map.of("orders", "purchases"), Map.of("users.email", "mail"));
    Diff diff = SchemaChanges.diff(read, target, vendor, hints);
    assertEquals(List.of(new RenameTable(null, "orders", "purchases"), new RenameColumn(null, "users", "email",
        "mail")), diff.changes(), () -> "notes: " + diff.notes());

    SchemaChangeExecutionTest.run(db, diff.changes(), read);
    assertEquals(List.of(), SchemaChanges.diff(Metadata.reflect(db.engine()), target, vendor, Renames.NONE).changes());
    assertEquals("1 ada@example.com", SchemaChangeExecutionTest.rows(db, "SELECT id, mail FROM users"));
    assertEquals("10 1", SchemaChangeExecutionTest.rows(db, "SELECT id, user_id FROM purchases"));
  }

  @Test
  void defaultsAndChecksThatADatabaseRespellsAreNotesNotChanges() {
    ColumnModel kept = new ColumnModel("created", SqlTypes.TIMESTAMP, false, false, false, "current_timestamp()");
    ColumnModel declared = new ColumnModel("created", SqlTypes.TIMESTAMP, false, false, false, "CURRENT_TIMESTAMP(6)");
    ColumnModel differentLiteral = new ColumnModel("created", SqlTypes.TIMESTAMP, false, false, false,
        "'2024-01-01'");
    TableModel db = new TableModel(null, "t", List.of(kept), List.of(), List.of(), List.of(),
        List.of(new CheckDef("ck", "(stock >= 0) AND (stock <= 1000)")), List.of());
    TableModel model = new TableModel(null, "t", List.of(declared), List.of(), List.of(), List.of(),
        List.of(new CheckDef("ck", "stock BETWEEN 0 AND 1000")), List.of());
    Diff diff = SchemaChanges.diff(new SchemaModel(List.of(db), List.of()), new SchemaModel(List.of(model),
        List.of()), Vendor.MARIADB, Renames.NONE);
    assertEquals(List.of(), diff.changes());
    assertEquals(2, diff.notes().size(), diff.notes().toString());

    TableModel literal = new TableModel(null, "t", List.of(differentLiteral), List.of(), List.of(), List.of(),
        List.of(new CheckDef("ck", "stock >= 0")), List.of());
    TableModel otherLiteral = new TableModel(null, "t", List.of(new ColumnModel("created", SqlTypes.TIMESTAMP,
        false, false, false, "'2025-01-01'")), List.of(), List.of(), List.of(), List.of(new CheckDef("ck",
        "stock >= 0")), List.of());
    assertEquals(List.of(new AlterColumnDefault(null, "t", "created", "'2025-01-01'")), SchemaChanges.diff(
        new SchemaModel(List.of(literal), List.of()), new SchemaModel(List.of(otherLiteral), List.of()),
        Vendor.POSTGRESQL, Renames.NONE).changes());
  }

  @Test
  void theChangesOfADiffApplyInTheirOrder() {
    for (Vendor vendor : List.of(Vendor.SQLITE, Vendor.H2, Vendor.POSTGRESQL, Vendor.MARIADB)) {
      SchemaModel from = SchemaModel.of(List.of(SchemaChangeExecutionTest.users(vendor),
          SchemaChangeExecutionTest.orders(), legacy()));
      SchemaModel to = changed(vendor);
      SchemaModel applied = from;
      for (SchemaChange c : SchemaChanges.diff(from, to, vendor, Renames.NONE).changes()) {
        applied = applied.apply(c);
      }
      assertEquals(List.of(), SchemaChanges.diff(applied, to, vendor, Renames.NONE).changes(), vendor.toString());
    }
    // A dropped table's key uses a dropped unique constraint and column: the table goes first.
    Table parent = Table.builder("parent").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("code", SqlTypes.varchar(10))).unique("uq_parent_code", "code").build();
    Table child = Table.builder("child").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("parent_code", SqlTypes.varchar(10)))
        .foreignKey("fk_child_parent", List.of("parent_code"), null, "parent", List.of("code"),
            ReferentialAction.DEFAULT, ReferentialAction.DEFAULT)
        .build();
    Table parentAfter = Table.builder("parent").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey()).build();
    SchemaModel from = SchemaModel.of(List.of(parent, child));
    Diff diff = SchemaChanges.diff(from, SchemaModel.of(List.of(parentAfter)), Vendor.POSTGRESQL, Renames.NONE);
    assertEquals(List.of(new DropTable(null, "child"),
        new DropConstraint(null, "parent", "uq_parent_code", ConstraintKind.UNIQUE),
        new DropColumn(null, "parent", "code")), diff.changes());
    SchemaModel applied = from;
    for (SchemaChange c : diff.changes()) {
      applied = applied.apply(c);
    }
    assertEquals(SchemaModel.of(List.of(parentAfter)), applied);
  }

  @Test
  void typesCompareAsEachDatabaseKeepsThem() {
    StoredForm sqlite = new StoredForm(Dialect.of(Vendor.SQLITE));
    assertTrue(sqlite.sameType(SqlTypes.INTEGER, SqlTypes.BIGINT), "SQLite: every integer is INTEGER");
    assertTrue(sqlite.sameType(SqlTypes.DATE, SqlTypes.TEXT), "SQLite: dates are text");
    assertTrue(!sqlite.sameType(SqlTypes.varchar(10), SqlTypes.varchar(20)), "SQLite: lengths are checked");
    StoredForm postgres = new StoredForm(Dialect.of(Vendor.POSTGRESQL));
    assertTrue(postgres.sameType(SqlTypes.TINYINT, SqlTypes.SMALLINT));
    assertTrue(postgres.sameType(SqlTypes.binary(16), SqlTypes.BINARY), "BYTEA has no length");
    assertTrue(!postgres.sameType(SqlTypes.INTEGER, SqlTypes.BIGINT));
    StoredForm mariadb = new StoredForm(Dialect.of(Vendor.MARIADB));
    assertTrue(mariadb.sameType(SqlTypes.REAL, SqlTypes.DOUBLE));
    assertTrue(mariadb.sameType(SqlTypes.TIMESTAMP_TZ, SqlTypes.TIMESTAMP));
    assertTrue(!mariadb.sameType(SqlTypes.decimal(10, 2), SqlTypes.decimal(10, 3)));
    StoredForm h2 = new StoredForm(Dialect.of(Vendor.H2));
    assertTrue(h2.sameType(SqlTypes.TEXT, Dialect.JsonText.INSTANCE), "H2: JSON is text");
    assertTrue(!h2.sameType(SqlTypes.INTEGER, SqlTypes.BIGINT));
  }
}
