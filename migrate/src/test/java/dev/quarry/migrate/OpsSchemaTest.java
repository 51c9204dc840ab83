package dev.quarry.migrate;

import static dev.quarry.migrate.TestRevisions.info;
import static dev.quarry.migrate.TestRevisions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.schema.Metadata;
import dev.quarry.schema.SchemaModel;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.MariaDbServer;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.util.List;

/**
 * {@link Ops#schema}: a revision's changes in another schema (PostgreSQL, H2) or another database
 * (MariaDB), up and down, leaving the default schema alone.
 */
class OpsSchemaTest {

  static Table events() {
    return Table.builder("events")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("kind", SqlTypes.varchar(20)).notNull().serverDefault("'info'"))
        .column(ColumnSpec.of("body", SqlTypes.varchar(40)))
        .build();
  }

  static Revisions revisions(String schema, boolean createSchema) {
    return Revisions.of(List.of(
        info("s1", List.of(), "the audit schema's events", () -> of(op -> {
          String q = Dialect.of(op.vendor()).quote(schema);
          if (createSchema) {
            op.execute("CREATE SCHEMA " + q);
          }
          Ops audit = op.schema(schema);
          audit.createTable(events());
          audit.addColumn("events", ColumnSpec.of("at", SqlTypes.TIMESTAMP));
          audit.createIndex("ix_events_kind", "events", "kind");
          audit.createUniqueIndex("ux_events_at", "events", "at", "id");
          audit.alterColumnType("events", "body", SqlTypes.varchar(200));
          audit.alterColumnNullable("events", "body", false);
          audit.alterColumnDefault("events", "kind", "'note'");
          audit.renameColumn("events", "body", "text");
        }, op -> {
          Ops audit = op.schema(schema);
          audit.renameColumn("events", "text", "body");
          audit.alterColumnDefault("events", "kind", "'info'");
          audit.alterColumnNullable("events", "body", true);
          audit.alterColumnType("events", "body", SqlTypes.varchar(40));
          audit.dropIndex("ux_events_at", "events");
          audit.dropIndex("ix_events_kind", "events");
          audit.dropColumn("events", "at");
          audit.dropTable("events");
          if (createSchema) {
            op.execute("DROP SCHEMA " + Dialect.of(op.vendor()).quote(schema));
          }
        }))));
  }

  @AllDatabases({TestDatabase.Kind.POSTGRES, TestDatabase.Kind.H2})
  void opsInANamedSchema(TestDatabase db) {
    runIn(db, "audit", true);
    assertEquals(0L, count(db, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'audit'"));
  }

  /** On MariaDB a schema is a database: the revision works in a second one the connection can see. */
  @AllDatabases({TestDatabase.Kind.MARIADB})
  void opsInASecondMariaDbDatabase(TestDatabase db) {
    String other = MariaDbServer.createDatabase();
    try {
      runIn(db, other, false);
    } finally {
      MariaDbServer.dropDatabase(other);
    }
  }

  private static void runIn(TestDatabase db, String schema, boolean createSchema) {
    Migrator m = Migrator.builder(db.engine()).revisions(revisions(schema, createSchema)).build();
    m.upgrade("head");
    TableModel events = Metadata.reflect(db.engine(), schema).table(schema, "events");
    assertEquals(List.of("id", "kind", "text", "at"), events.columns().stream().map(c -> c.name()).toList());
    assertEquals(SqlTypes.varchar(200), events.column("text").type());
    assertEquals(false, events.column("text").nullable());
    assertEquals("'note'", events.column("kind").serverDefault());
    assertEquals(false, events.column("kind").nullable(), "the NOT NULL stays when the default changes");
    assertEquals(List.of(new IndexDef("ix_events_kind", List.of("kind"), false),
        new IndexDef("ux_events_at", List.of("at", "id"), true)), events.indexes());
    SchemaModel mine = m.databaseModel();
    assertEquals(List.of(), mine.tables(), "nothing in the default schema");

    m.downgrade("base");
    assertEquals(List.of(), Metadata.reflect(db.engine(), schema).tables());
    assertEquals(List.of(), m.current());
  }

  private static long count(TestDatabase db, String sql) {
    return db.engine().withConnection(c -> {
      try (var r = c.execute(new RawStatement(sql))) {
        return ((Number) r.scalar()).longValue();
      }
    });
  }
}
