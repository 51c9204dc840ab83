package dev.quarry.sql;

import static dev.quarry.sql.Sql.and;
import static dev.quarry.sql.Sql.caseWhen;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.cte;
import static dev.quarry.sql.Sql.deleteFrom;
import static dev.quarry.sql.Sql.exists;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.recursiveCte;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.text;
import static dev.quarry.sql.Sql.update;
import static dev.quarry.sql.Sql.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.EmbeddedPostgresServer;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The statements this package renders, run on SQLite, H2 and PostgreSQL through the engine. */
class ExecutionSmokeTest {

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnSqlite extends Cases {
    @Override
    Engine createEngine() {
      return Engine.create("jdbc:sqlite::memory:");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnH2 extends Cases {
    @Override
    Engine createEngine() {
      return Engine.create("jdbc:h2:mem:sqlsmoke;DB_CLOSE_DELAY=-1");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnPostgres extends Cases {
    @Override
    Engine createEngine() {
      database = EmbeddedPostgresServer.createDatabase();
      return Engine.create(EmbeddedPostgresServer.jdbcUrl(database));
    }

    private String database;

    @Override
    @AfterAll
    void stop() {
      super.stop();
      EmbeddedPostgresServer.dropDatabase(database);
    }
  }

  /** The cases, run once per database. */
  abstract static class Cases {
    final Users u = Users.USERS;
    final Pets p = Pets.PETS;
    Engine engine;
    Dialect d;

    abstract Engine createEngine();

    @BeforeAll
    void start() {
      engine = createEngine();
      d = Dialect.of(engine.vendor());
    }

    @AfterAll
    void stop() {
      engine.close();
    }

    /** CREATE TABLE from the table's columns, spelled by the dialect (the schema package does this for real). */
    String ddl(Table t) {
      List<String> cols = new ArrayList<>();
      for (Column<?> c : t.columns()) {
        ColumnSpec<?> s = c.spec();
        String def = d.quote(c.name()) + " ";
        if (s.isAutoIncrement()) {
          def += d.identityTypeName(s.type()) + (d.identityNeedsInlinePrimaryKey() ? "" : " PRIMARY KEY");
        } else {
          def += d.typeName(s.type()) + (s.isPrimaryKey() ? " PRIMARY KEY" : "") + (s.isNullable() ? "" : " NOT NULL");
        }
        cols.add(def);
      }
      return "CREATE TABLE " + d.quote(t.name()) + " (" + String.join(", ", cols) + ")";
    }

    void recreate(Connection c, Table t) {
      c.executeUpdate(text("DROP TABLE IF EXISTS " + d.quote(t.name())));
      c.executeUpdate(text(ddl(t)));
    }

    @BeforeEach
    void tables() {
      try (Connection c = engine.connect()) {
        recreate(c, u);
        recreate(c, p);
      }
    }

    long insertUser(Connection c, String name, Integer age) {
      try (Result r = c.execute(insertInto(u).set(u.name, name).set(u.age, age).set(u.active, age != null && age > 20)
          .returning(u.id))) {
        return r.one().get(u.id);
      }
    }

    private List<String> names(Connection c, Select q) {
      List<String> out = new ArrayList<>();
      for (Row r : c.execute(q).fetchAll()) {
        out.add(r.get(u.name));
      }
      return out;
    }

    @Test
    void insertSelectUpdateDelete() {
      try (Connection c = engine.connect()) {
        long ann = insertUser(c, "Ann", 31);
        long bob = insertUser(c, "Bob", 17);
        insertUser(c, "Cid", null);
        assertEquals(bob, ann + 1);
        c.executeUpdate(insertInto(p).columns(p.ownerId, p.name).values(ann, "Rex").values(ann, "Tom").values(bob, "Kit"));

        assertEquals(List.of("Ann", "Bob"), names(c, select(u.name).from(u).where(u.age.isNotNull()).orderBy(u.name.asc())));
        assertEquals(List.of("Cid", "Bob"), names(c, select(u.name).from(u).orderBy(u.age.asc().nullsFirst()).limit(2)));
        assertEquals(List.of("Bob", "Cid"), names(c, select(u.name).from(u).orderBy("name").offset(1)));
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.active)));

        Row agg = c.execute(select(u.name, count(p.id).as("pets")).from(u).leftJoin(p, p.ownerId.eq(u.id))
            .groupBy(u.name).having(count(p.id).gt(1L))).one();
        assertEquals("Ann", agg.get(u.name));
        assertEquals(2L, ((Number) agg.get("pets")).longValue());

        assertEquals(1L, c.executeUpdate(update(u).set(u.age, u.age.plus(1)).where(u.name.eq("Bob"))));
        assertEquals(18, c.execute(select(u.age).from(u).where(u.id.eq(bob))).one().get(u.age));
        assertEquals(1L, c.executeUpdate(deleteFrom(u).where(u.age.isNull())));
        assertEquals(2L, c.execute(select(count()).from(u)).one().get(count()).longValue() == 2 ? 2L : -1L);
      }
    }

    @Test
    void subqueriesSetOperationsCteAndWindows() {
      try (Connection c = engine.connect()) {
        long ann = insertUser(c, "Ann", 31);
        insertUser(c, "Bob", 17);
        insertUser(c, "Eve", 31);
        c.executeUpdate(insertInto(p).set(p.ownerId, ann).set(p.name, "Rex"));

        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(exists(select(p.id).from(p)
            .where(p.ownerId.eq(u.id))))));
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.id.in(select(p.ownerId).from(p)))));
        Expression<Long> petCount = select(count()).from(p).where(p.ownerId.eq(u.id)).asScalar();
        assertEquals(1L, ((Number) c.execute(select(petCount.as("n")).from(u).where(u.name.eq("Ann"))).one().get("n"))
            .longValue());

        Query names = select(u.name).from(u).where(u.age.gt(20)).union(select(p.name).from(p)).orderBy("name");
        List<Object> all = new ArrayList<>();
        c.execute(names).forEach(r -> all.add(r.get(0)));
        assertEquals(List.of("Ann", "Eve", "Rex"), all);
        List<Object> both = new ArrayList<>();
        c.execute(select(u.name).from(u).intersect(select(u.name).from(u).where(u.age.lt(20)))).forEach(r -> both.add(r.get(0)));
        assertEquals(List.of("Bob"), both);

        NumberExpression<Integer> n = val(1).as("n");
        CommonTable counter = recursiveCte("counter", select(n), t -> select(t.field(n).plus(1)).from(t)
            .where(t.field(n).lt(5)));
        List<Object> seq = new ArrayList<>();
        c.execute(select(counter.field(n)).from(counter).with(counter).orderBy(counter.field(n).asc()))
            .forEach(r -> seq.add(((Number) r.get(0)).intValue()));
        assertEquals(List.of(1, 2, 3, 4, 5), seq);

        CommonTable adults = cte("adults", select(u.id, u.name, u.age).from(u).where(u.age.ge(18)));
        NumberExpression<Long> rn = Sql.rowNumber().over(Sql.window().partitionBy(adults.field(u.age))
            .orderBy(adults.field(u.name).desc())).as("rn");
        List<String> ranked = new ArrayList<>();
        for (Row r : c.execute(select(adults.field(u.name), rn).from(adults).with(adults)
            .orderBy(adults.field(u.name).asc())).fetchAll()) {
          ranked.add(r.get(adults.field(u.name)) + ":" + r.get(rn));
        }
        assertEquals(List.of("Ann:2", "Eve:1"), ranked);

        Expression<String> bucket = caseWhen(u.age.lt(18), "minor").otherwise("adult").as("bucket");
        Row b = c.execute(select(bucket, u.age.coalesce(0).as("a"), u.age.cast(SqlTypes.varchar(10)).as("s"))
            .from(u).where(u.name.eq("Bob"))).one();
        assertEquals("minor", b.get(bucket));
        assertEquals("17", b.get("s", SqlTypes.TEXT));
      }
    }

    @Test
    void upserts() {
      try (Connection c = engine.connect()) {
        c.executeUpdate(insertInto(u).columns(u.id, u.name, u.age).values(1L, "Ann", 30).values(2L, "Bob", 40));
        c.executeUpdate(insertInto(u).columns(u.id, u.name, u.age).values(1L, "Ann2", 31).onConflict(u.id).doNothing());
        assertEquals("Ann", c.execute(select(u.name).from(u).where(u.id.eq(1L))).one().get(u.name));
        c.executeUpdate(insertInto(u).columns(u.id, u.name, u.age).values(2L, "Bob2", 41).values(3L, "Cid", 50)
            .onConflict(u.id).doUpdate(u.name));
        assertEquals(List.of("Ann", "Bob2", "Cid"), names(c, select(u.name).from(u).orderBy(u.id.asc())));
        assertEquals(40, c.execute(select(u.age).from(u).where(u.id.eq(2L))).one().get(u.age));
        c.executeUpdate(insertInto(u).columns(u.id, u.name, u.age).values(3L, "x", 5).onConflict(u.id)
            .doUpdate(Sql.set(u.age, u.age.plus(Sql.excluded(u.age)))));
        assertEquals(55, c.execute(select(u.age).from(u).where(u.id.eq(3L))).one().get(u.age));
      }
    }

    @Test
    void likeEscapingMatchesLiterally() {
      Table t = Table.builder("like_test").column(ColumnSpec.of("v", SqlTypes.varchar(20))).build();
      StringColumn v = (StringColumn) t.column("v");
      try (Connection c = engine.connect()) {
        recreate(c, t);
        Insert ins = insertInto(t).columns(v);
        for (String s : new String[] {"abcdefg", "ab/cdefg", "ab%cdefg", "ab_cdefg", "abcde/fg", "abcde%fg", "ab#cdefg",
            "ab9cdefg", "abcde#fg", "abcd9fg", "ab\\cdefg"}) {
          ins = ins.values(s);
        }
        c.executeUpdate(ins.values((Object) null));
        assertEquals(Set.of("ab%cdefg"), matches(c, t, v.startsWith("ab%c")));
        assertEquals(Set.of("ab_cdefg"), matches(c, t, v.startsWith("ab_c")));
        assertEquals(Set.of("abcde%fg"), matches(c, t, v.endsWith("%fg")));
        assertEquals(Set.of("ab\\cdefg"), matches(c, t, v.contains("\\c")));
        assertEquals(Set.of("ab%cdefg", "abcde%fg"), matches(c, t, v.contains("%")));
        assertEquals(Set.of("ab/cdefg", "ab%cdefg", "ab_cdefg", "ab#cdefg", "ab9cdefg", "ab\\cdefg"),
            matches(c, t, v.like("ab_c%")));
        assertEquals(Set.of("ab%cdefg"), matches(c, t, v.like("ab#%c%", '#')));
        assertEquals(Set.of("ab%cdefg"), matches(c, t, v.containsIgnoreCase("B%C")));
        assertEquals(Set.of("abcdefg"), matches(c, t, v.ilike("ABCDEFG")));
      }
    }

    @Test
    void literalMatchesAreCaseSensitiveEverywhere() {
      Table t = Table.builder("case_test").column(ColumnSpec.of("v", SqlTypes.varchar(20))).build();
      StringColumn v = (StringColumn) t.column("v");
      try (Connection c = engine.connect()) {
        recreate(c, t);
        c.executeUpdate(insertInto(t).columns(v).values("ab%cdefg").values("AB%CDEFG").values("x*y?z[1]").values("X*Y"));
        assertEquals(Set.of("ab%cdefg"), matches(c, t, v.startsWith("ab%c")));
        assertEquals(Set.of("AB%CDEFG"), matches(c, t, v.endsWith("DEFG")));
        assertEquals(Set.of("x*y?z[1]"), matches(c, t, v.contains("*y?z[")));
        assertEquals(Set.of("X*Y"), matches(c, t, v.startsWith("X*")));
        assertEquals(Set.of("ab%cdefg", "AB%CDEFG"), matches(c, t, v.containsIgnoreCase("B%c")));
      }
    }

    private Set<String> matches(Connection c, Table t, Predicate where) {
      Set<String> out = new TreeSet<>();
      for (Row r : c.execute(select(t.column("v")).from(t).where(where)).fetchAll()) {
        out.add((String) r.get(0));
      }
      return out;
    }

    @Test
    void hostileIdentifiersAndValuesRoundTrip() {
      Table.Builder b = Table.builder("quote ' one").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey());
      for (String n : HostileInputTest.NAMES) {
        b.column(ColumnSpec.of(n, SqlTypes.TEXT));
      }
      Table t = b.build();
      try (Connection c = engine.connect()) {
        recreate(c, t);
        @SuppressWarnings("unchecked")
        Column<Integer> id = (Column<Integer>) t.column("id");
        Set<String> texts = new TreeSet<>();
        int i = 0;
        for (String value : HostileInputTest.VALUES) {
          i++;
          Insert ins = insertInto(t).set(id, i);
          for (String n : HostileInputTest.NAMES) {
            ins = ins.set((StringColumn) t.column(n), value);
          }
          texts.add(ins.compile(engine.vendor()).sql());
          c.executeUpdate(ins);
          for (String n : HostileInputTest.NAMES) {
            StringColumn col = (StringColumn) t.column(n);
            Row r = c.execute(select(col).from(t).where(id.eq(i), col.eq(value))).one();
            assertEquals(value, r.get(col), n + " / " + value);
          }
        }
        assertEquals(1, texts.size(), "one SQL text for every value");
        assertEquals((long) HostileInputTest.VALUES.length, c.execute(select(count()).from(t)).one().get(count()));
      }
    }

    @Test
    void textQueriesBindByName() {
      try (Connection c = engine.connect()) {
        insertUser(c, "Ann", 31);
        insertUser(c, "Bob", 17);
        Expression<String> name = Sql.resultColumn("name", SqlTypes.TEXT);
        Row r = c.execute(text("SELECT name FROM users WHERE age > :min_age AND name <> ':min_age'")
            .bind("min_age", 20).columns(name)).one();
        assertEquals("Ann", r.get(name));
      }
    }

    @Test
    void forUpdateWhereSupported() {
      if (engine.vendor() == Vendor.SQLITE) {
        return;
      }
      try (Connection c = engine.connect()) {
        insertUser(c, "Ann", 31);
        c.inTransaction(tx -> {
          assertNotNull(tx.execute(select(u.id).from(u).where(u.name.eq("Ann")).forUpdate()).one());
          assertNotNull(tx.execute(select(u.id).from(u).forUpdate(LockWait.SKIP_LOCKED)).one());
          assertNotNull(tx.execute(select(u.id).from(u).forUpdate(LockWait.NOWAIT)).one());
          return null;
        });
      }
    }

    @Test
    void returningOnUpdateAndDeleteWhereSupported() {
      try (Connection c = engine.connect()) {
        long id = insertUser(c, "Ann", 31);
        assertEquals(32, c.execute(update(u).set(u.age, u.age.plus(1)).where(u.id.eq(id)).returning(u.age)).one()
            .get(u.age));
        assertEquals("Ann", c.execute(deleteFrom(u).where(u.id.eq(id)).returning(u.name)).one().get(u.name));
        assertNull(c.execute(select(u.id).from(u)).oneOrNull());
      }
    }

    @Test
    void emptyAndLargeInLists() {
      try (Connection c = engine.connect()) {
        insertUser(c, "Ann", 31);
        assertEquals(List.of(), names(c, select(u.name).from(u).where(u.id.in(List.of()))));
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.id.notIn(List.of()), and())));
        List<Long> ids = new ArrayList<>(Arrays.asList(new Long[2000]));
        for (int i = 0; i < ids.size(); i++) {
          ids.set(i, (long) i);
        }
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.id.in(ids))));
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u)
            .where(Sql.row(u.name, u.age).in(List.of(List.of("Bob", 1), List.of("Ann", 31)))).orderBy(u.name.asc())));

        // Longer than the dialect's bind limit: one array / JSON parameter (split lists elsewhere).
        int n = d.maxBindParameters() + 10;
        List<Long> many = new ArrayList<>(n);
        List<String> manyNames = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
          many.add(i);
          manyNames.add(i == 7 ? "Ann" : "x\"'" + i);
        }
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.id.in(many))));
        assertEquals(List.of(), names(c, select(u.name).from(u).where(u.id.notIn(many))));
        assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.name.in(manyNames))));
        assertEquals(List.of(), names(c, select(u.name).from(u).where(u.name.notIn(manyNames))));
        if (engine.vendor() != Vendor.SQLITE) {
          // Beyond the drivers' real limits (H2 arrays: 65,536 elements; PostgreSQL: 65,535 parameters).
          List<Long> huge = new ArrayList<>(140_000);
          for (long i = 0; i < 140_000; i++) {
            huge.add(i);
          }
          assertEquals(List.of("Ann"), names(c, select(u.name).from(u).where(u.id.in(huge))));
        }
      }
    }
  }
}
