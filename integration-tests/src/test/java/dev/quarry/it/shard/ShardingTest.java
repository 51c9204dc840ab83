package dev.quarry.it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.orm.PartialCommitException;
import dev.quarry.orm.Session;
import dev.quarry.orm.StatementListener;
import dev.quarry.orm.shard.ShardedSession;
import dev.quarry.orm.shard.ShardedSessionFactory;
import dev.quarry.orm.shard.ShardingException;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQLAlchemy's horizontal-sharding example on three shards (SQLite files; databases of the embedded
 * PostgreSQL): locations by continent, reports with their location, queries merged across shards.
 */
class ShardingTest {
  private static final Map<String, String> SHARD_OF = Map.of("Europe", "europe", "Asia", "asia",
      "North America", "america", "South America", "america");

  private final List<String> statements = new ArrayList<>();

  private ShardedSessionFactory factory(List<TestDatabase> dbs) {
    for (TestDatabase db : dbs) {
      Metadata.of(QWeatherLocation.weatherLocation, QReport.report).createAll(db.engine());
    }
    StatementListener log = (sql, n) -> statements.add(sql);
    return ShardedSessionFactory.builder()
        .shard("europe", dbs.get(0).engine()).shard("asia", dbs.get(1).engine()).shard("america", dbs.get(2).engine())
        .sessions(b -> b.statementListener(log))
        .shardChooser(o -> o instanceof WeatherLocation w ? SHARD_OF.get(w.getContinent())
            : SHARD_OF.get(((Report) o).getLocation().getContinent()))
        .queryChooser((type, eq) -> eq.containsKey("continent") ? List.of(SHARD_OF.get((String) eq.get("continent")))
            : List.of("europe", "asia", "america"))
        .build();
  }

  private static List<TestDatabase> threeOf(TestDatabase first) {
    return List.of(first, TestDatabase.create(first.kind()), TestDatabase.create(first.kind()));
  }

  private static long rows(TestDatabase db, String table) {
    return ((Number) db.engine().inTransaction(c -> c.execute(Sql.text("SELECT COUNT(*) FROM " + table)).fetchAll()
        .get(0).get(0))).longValue();
  }

  @AllDatabases({Kind.SQLITE, Kind.POSTGRES})
  void objectsLiveInTheirShardAndQueriesMergeAcrossShards(TestDatabase db) {
    List<TestDatabase> dbs = threeOf(db);
    try {
      ShardedSessionFactory shards = factory(dbs);
      UUID[] ids = shards.inTransaction(s -> {
        WeatherLocation paris = new WeatherLocation("Europe", "Paris");
        paris.addReport(new Report(12.5));
        paris.addReport(new Report(9.0));
        WeatherLocation tokyo = new WeatherLocation("Asia", "Tokyo");
        tokyo.addReport(new Report(20.0));
        WeatherLocation lima = new WeatherLocation("South America", "Lima");
        WeatherLocation nyc = new WeatherLocation("North America", "New York");
        s.addAll(List.of(paris, tokyo, lima, nyc));
        assertEquals("europe", s.shardOf(paris));
        assertEquals("europe", s.shardOf(paris.getReports().get(0)), "a report goes with its location");
        s.flush(); // assigns the UUIDs
        return new UUID[] {paris.getId(), tokyo.getId(), lima.getId()};
      });
      assertEquals(1, rows(dbs.get(0), "shard_locations"));
      assertEquals(2, rows(dbs.get(0), "shard_reports"));
      assertEquals(1, rows(dbs.get(1), "shard_locations"));
      assertEquals(2, rows(dbs.get(2), "shard_locations"));

      try (ShardedSession s = shards.openSession()) {
        WeatherLocation tokyo = s.get(WeatherLocation.class, ids[1]);
        assertEquals("Tokyo", tokyo.getCity());
        assertEquals("asia", s.shardOf(tokyo));
        assertSame(tokyo, s.get(WeatherLocation.class, ids[1]), "one object per row and shard");
        statements.clear();
        WeatherLocation paris = s.get(WeatherLocation.class, ids[0]);
        assertEquals(List.of(9.0, 12.5), paris.getReports().stream().map(Report::getTemperature).toList());
        assertSame(paris, paris.getReports().get(0).getLocation(), "relationships load within the shard");
        assertNull(s.get(WeatherLocation.class, UUID.randomUUID()));

        // a query by shard key runs on one shard
        statements.clear();
        List<WeatherLocation> asia = s.select(WeatherLocation.class).filterBy("continent", "Asia").list();
        assertEquals(List.of("Tokyo"), asia.stream().map(WeatherLocation::getCity).toList());
        assertEquals(1, statements.size());
        // a query without one runs on all three and merges in order, limit and offset after the merge
        List<WeatherLocation> all = s.select(WeatherLocation.class).orderBy("city").list();
        assertEquals(List.of("Lima", "New York", "Paris", "Tokyo"), all.stream().map(WeatherLocation::getCity).toList());
        assertEquals(List.of("Paris", "New York"), s.select(WeatherLocation.class).orderBy("city DESC").offset(1).limit(2)
            .list().stream().map(WeatherLocation::getCity).toList());
        assertEquals(4, s.select(WeatherLocation.class).count());
        assertEquals(2, s.select(WeatherLocation.class).filterBy("continent", "South America").onShards("america")
            .count() + 1);
        ShardingException noOrder = assertThrows(ShardingException.class,
            () -> s.select(WeatherLocation.class).offset(1).list());
        assertTrue(noOrder.getMessage().contains("needs orderBy"), noOrder.getMessage());

        // changes flush to the object's shard
        tokyo.setCity("Kyoto");
        s.delete(s.get(WeatherLocation.class, ids[2]));
        s.commit();
      }
      assertEquals(1, rows(dbs.get(2), "shard_locations"));
      try (ShardedSession s = shards.openSession()) {
        assertEquals("Kyoto", s.select(WeatherLocation.class).filterBy("continent", "Asia").first().getCity());
      }
    } finally {
      dbs.get(1).close();
      dbs.get(2).close();
    }
  }

  @AllDatabases({Kind.SQLITE, Kind.POSTGRES})
  void theIdentityMapIsKeyedByShard(TestDatabase db) {
    List<TestDatabase> dbs = threeOf(db);
    try {
      ShardedSessionFactory shards = factory(dbs);
      UUID same = UUID.randomUUID();
      for (int i = 0; i < 2; i++) { // the same id in two shards: a collision the id strategy should prevent
        Engine e = dbs.get(i).engine();
        e.runInTransaction(c -> c.execute(Sql.insertInto(QWeatherLocation.weatherLocation)
            .set(QWeatherLocation.weatherLocation.id, same)
            .set(QWeatherLocation.weatherLocation.continent, "X")
            .set(QWeatherLocation.weatherLocation.city, e == dbs.get(0).engine() ? "in europe" : "in asia")).close());
      }
      try (ShardedSession s = shards.openSession()) {
        WeatherLocation europe = s.shard("europe").get(WeatherLocation.class, same);
        WeatherLocation asia = s.shard("asia").get(WeatherLocation.class, same);
        assertNotNull(europe);
        assertNotSame(europe, asia);
        assertEquals("in europe", europe.getCity());
        assertEquals("in asia", asia.getCity());
        assertEquals("europe", s.shardOf(europe));
        assertEquals("asia", s.shardOf(asia));
        assertEquals("in europe", s.get(WeatherLocation.class, same).getCity(), "get: the first shard the chooser names");
      }
    } finally {
      dbs.get(1).close();
      dbs.get(2).close();
    }
  }

  @AllDatabases({Kind.POSTGRES})
  void aShardFailingToCommitAfterAnotherCommittedIsAPartialCommitNamingTheShards(TestDatabase db) {
    List<TestDatabase> dbs = threeOf(db);
    try {
      ShardedSessionFactory shards = factory(dbs);
      // checked only at commit: the asia shard's commit fails after europe's succeeded
      dbs.get(1).execute("ALTER TABLE shard_locations ADD CONSTRAINT shard_city UNIQUE (city) DEFERRABLE INITIALLY DEFERRED");
      try (ShardedSession s = shards.openSession()) {
        s.add(new WeatherLocation("Europe", "Paris"));
        s.add(new WeatherLocation("Asia", "Twin"));
        s.add(new WeatherLocation("Asia", "Twin"));
        s.flush();
        PartialCommitException e = assertThrows(PartialCommitException.class, s::commit);
        assertEquals(List.of("shard europe"), e.committed());
        assertEquals("shard asia", e.failed());
        s.rollback();
      }
      assertEquals(1, rows(dbs.get(0), "shard_locations"), "europe committed");
      assertEquals(0, rows(dbs.get(1), "shard_locations"), "asia rolled back");
    } finally {
      dbs.get(1).close();
      dbs.get(2).close();
    }
  }

  @AllDatabases({Kind.H2})
  void choosersNamingUnknownShardsAreTypedErrors(TestDatabase db) {
    List<TestDatabase> dbs = threeOf(db);
    try {
      ShardedSessionFactory shards = factory(dbs);
      try (ShardedSession s = shards.openSession()) {
        ShardingException unknown = assertThrows(ShardingException.class,
            () -> s.add(new WeatherLocation("Antarctica", "McMurdo")));
        assertTrue(unknown.getMessage().contains("named no shard for WeatherLocation"), unknown.getMessage());
        assertThrows(ShardingException.class, () -> s.delete(new WeatherLocation("Europe", "Rome")));
        Session europe = s.shard("europe");
        assertSame(europe, s.shard("europe"));
      }
    } finally {
      dbs.get(1).close();
      dbs.get(2).close();
    }
  }
}
