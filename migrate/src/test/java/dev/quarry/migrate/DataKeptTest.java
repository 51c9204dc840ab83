package dev.quarry.migrate;

import static dev.quarry.migrate.TestRevisions.info;
import static dev.quarry.migrate.TestRevisions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.DatabaseException;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revisions that change tables holding rows keep every row, on every database: renames, a wider
 * type, NOT NULL with a default, dropping an indexed column, a foreign key over existing rows; and
 * on SQLite the rebuild of a parent table leaves its ON DELETE CASCADE children alone.
 */
class DataKeptTest {

  static Table depts() {
    return Table.builder("depts")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull())
        .build();
  }

  static Table people() {
    return Table.builder("people")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull())
        .column(ColumnSpec.of("city", SqlTypes.varchar(50)))
        .column(ColumnSpec.of("legacy", SqlTypes.varchar(20)))
        .column(ColumnSpec.of("dept_id", SqlTypes.INTEGER))
        .index("ix_people_legacy", false, "legacy")
        .build();
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static final String LONG_CITY = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Anglesey";

  static Revisions revisions() {
    return Revisions.of(List.of(
        info("d1", List.of(), "depts and people with rows", () -> of(op -> {
          op.createTable(depts());
          op.createTable(people());
          op.bulkInsert("depts", List.of(row("id", 1, "name", "Sales"), row("id", 2, "name", "Research")));
          op.bulkInsert("people", List.of(
              row("id", 1, "name", "Ada", "city", "London", "legacy", "x1", "dept_id", 1),
              row("id", 2, "name", "Grace", "city", null, "legacy", "x2", "dept_id", 2),
              row("id", 3, "name", "Linus", "city", "Helsinki", "legacy", null, "dept_id", null)));
        }, op -> {
          op.dropTable("people");
          op.dropTable("depts");
        })),
        info("d2", List.of("d1"), "rename people.name", () -> of(
            op -> op.renameColumn("people", "name", "full_name"),
            op -> op.renameColumn("people", "full_name", "name"))),
        info("d3", List.of("d2"), "widen people.city", () -> of(op -> {
          op.alterColumnType("people", "city", SqlTypes.varchar(200));
          String q = Dialect.of(op.vendor()).quote("city");
          op.execute("UPDATE " + Dialect.of(op.vendor()).quote("people") + " SET " + q + " = '" + LONG_CITY
              + "' WHERE " + Dialect.of(op.vendor()).quote("id") + " = 3");
        }, op -> op.alterColumnType("people", "city", SqlTypes.varchar(50)))),
        info("d4", List.of("d3"), "people.city NOT NULL with a default", () -> of(op -> {
          Dialect d = Dialect.of(op.vendor());
          op.alterColumnDefault("people", "city", "'unknown'");
          op.execute("UPDATE " + d.quote("people") + " SET " + d.quote("city") + " = 'unknown' WHERE "
              + d.quote("city") + " IS NULL");
          op.alterColumnNullable("people", "city", false);
        }, op -> {
          op.alterColumnNullable("people", "city", true);
          op.alterColumnDefault("people", "city", null);
        })),
        info("d5", List.of("d4"), "drop the indexed people.legacy", () -> of(
            op -> {
              // as autogenerate writes it; SQLite refuses to drop a column an index uses
              op.dropIndex("ix_people_legacy", "people");
              op.dropColumn("people", "legacy");
            },
            op -> {
              op.addColumn("people", ColumnSpec.of("legacy", SqlTypes.varchar(20)));
              op.createIndex("ix_people_legacy", "people", "legacy");
            })),
        info("d6", List.of("d5"), "people.dept_id references depts", () -> of(
            op -> op.createForeignKey("fk_people_dept", "people", "dept_id", "depts", "id"),
            op -> op.dropConstraint("fk_people_dept", "people", dev.quarry.schema.SchemaChange.ConstraintKind.FOREIGN_KEY)))));
  }

  /** The rows of people, ordered by id, as strings (drivers differ in the Java types). */
  private static List<List<String>> rows(TestDatabase db, String... columns) {
    List<String> quoted = new ArrayList<>();
    for (String c : columns) {
      quoted.add(db.quote(c));
    }
    String sql = "SELECT " + String.join(", ", quoted) + " FROM " + db.quote("people") + " ORDER BY " + db.quote("id");
    return db.engine().withConnection(c -> {
      try (var r = c.execute(new RawStatement(sql))) {
        return r.fetchAll().stream().map(row -> row.values().stream().map(v -> v == null ? null : v.toString())
            .toList()).toList();
      }
    });
  }

  private static List<String> strings(String... values) {
    return java.util.Arrays.asList(values);
  }

  @AllDatabases
  void revisionsOnATableWithRowsKeepEveryRow(TestDatabase db) {
    Migrator m = Migrator.builder(db.engine()).revisions(revisions()).build();
    m.upgrade("d1");
    m.upgrade("d2");
    assertEquals(List.of(strings("1", "Ada"), strings("2", "Grace"), strings("3", "Linus")),
        rows(db, "id", "full_name"));
    m.upgrade("d3");
    assertEquals(List.of(strings("London"), strings((String) null), strings(LONG_CITY)), rows(db, "city"));
    m.upgrade("d4");
    assertEquals(List.of(strings("London"), strings("unknown"), strings(LONG_CITY)), rows(db, "city"));
    TableModel people = m.databaseModel().table("people");
    assertEquals(false, people.column("city").nullable());
    m.upgrade("d5");
    m.upgrade("d6");
    assertEquals(List.of(
        strings("1", "Ada", "London", "1"),
        strings("2", "Grace", "unknown", "2"),
        strings("3", "Linus", LONG_CITY, null)), rows(db, "id", "full_name", "city", "dept_id"));
    people = m.databaseModel().table("people");
    assertEquals(List.of("id", "full_name", "city", "dept_id"),
        people.columns().stream().map(c -> c.name()).toList());
    assertEquals(List.of("fk_people_dept"), people.foreignKeys().stream().map(fk -> fk.name()).toList());
    // the key holds: a person in no department is refused
    assertThrows(DatabaseException.class, () -> db.execute(db.quoted(
        "INSERT INTO \"people\" (\"id\", \"full_name\", \"city\", \"dept_id\") VALUES (4, 'Ken', 'x', 99)")));

    // back down: narrowing city again refuses the long value everywhere (PostgreSQL once truncated it)
    m.downgrade("d3");
    MigrationException tooLong = assertThrows(MigrationException.class, () -> m.downgrade("d2"));
    assertTrue(tooLong.getMessage().startsWith("revision d3 (downgrade d3 -> d2, widen people.city) failed at change"
        + " 'alter column people.city type VARCHAR(50)'"), tooLong.getMessage());
    assertEquals(List.of("d3"), m.current());
    assertEquals(List.of(strings(LONG_CITY)), rows(db, "city").subList(2, 3));
    db.execute(db.quoted("UPDATE \"people\" SET \"city\" = 'Menai' WHERE \"id\" = 3"));
    m.downgrade("d2");
    assertEquals(List.of(strings("1", "Ada", "London", null), strings("2", "Grace", "unknown", null),
        strings("3", "Linus", "Menai", null)), rows(db, "id", "full_name", "city", "legacy"));
    m.downgrade("d1");
    assertEquals(List.of(strings("1", "Ada"), strings("2", "Grace"), strings("3", "Linus")),
        rows(db, "id", "name"));
  }

  static Table children() {
    return Table.builder("children")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("parent_id", SqlTypes.INTEGER).notNull())
        .foreignKey("fk_children_parent", List.of("parent_id"), "parents", List.of("id"), ReferentialAction.CASCADE)
        .build();
  }

  /**
   * SQLite cannot alter a column: the parent table is rebuilt (new table, copy, drop, rename). With
   * foreign keys on, dropping the old parent would cascade into the children; the run turns them
   * off around the rebuild, and checks the keys before it commits.
   */
  @AllDatabases({TestDatabase.Kind.SQLITE})
  void sqliteRebuildOfAParentKeepsItsCascadingChildren(TestDatabase db) {
    Table parents = Table.builder("parents")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(20)))
        .build();
    Revisions r = Revisions.of(List.of(
        info("p1", List.of(), "parents and children", () -> of(op -> {
          op.createTable(parents);
          op.createTable(children());
          op.bulkInsert("parents", List.of(row("id", 1, "name", "a"), row("id", 2, "name", "b")));
          op.bulkInsert("children", List.of(row("id", 10, "parent_id", 1), row("id", 11, "parent_id", 1),
              row("id", 20, "parent_id", 2)));
        }, op -> {
          op.dropTable("children");
          op.dropTable("parents");
        })),
        info("p2", List.of("p1"), "parents.name NOT NULL, wider", () -> of(op -> {
          op.alterColumnType("parents", "name", SqlTypes.varchar(200));
          op.alterColumnNullable("parents", "name", false);
        }, op -> {
          op.alterColumnNullable("parents", "name", true);
          op.alterColumnType("parents", "name", SqlTypes.varchar(20));
        }))));
    Migrator m = Migrator.builder(db.engine()).revisions(r).build();
    m.upgrade("p1");
    List<String> executed = new ArrayList<>();
    Migrator watched = Migrator.builder(db.engine()).revisions(r).statementListener(executed::add).build();
    watched.upgrade("p2");
    assertTrue(executed.stream().anyMatch(s -> s.startsWith("DROP TABLE")), () -> "a rebuild: " + executed);
    assertEquals(3, count(db, "children"), "no cascade");
    assertEquals(false, m.databaseModel().table("parents").column("name").nullable());
    m.downgrade("p1");
    assertEquals(3, count(db, "children"), "no cascade on the way down either");
    // foreign keys are on again after the run: deleting a parent cascades
    db.execute(db.quoted("DELETE FROM \"parents\" WHERE \"id\" = 1"));
    assertEquals(1, count(db, "children"));
  }

  private static long count(TestDatabase db, String table) {
    return db.engine().withConnection(c -> {
      try (var r = c.execute(new RawStatement("SELECT COUNT(*) FROM " + db.quote(table)))) {
        return ((Number) r.scalar()).longValue();
      }
    });
  }
}
