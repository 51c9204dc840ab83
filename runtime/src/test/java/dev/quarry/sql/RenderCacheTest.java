package dev.quarry.sql;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The render cache: one rendering per shape and dialect, reused with any values. */
class RenderCacheTest {
  final Users u = Users.USERS;

  private Select query(int minAge, String prefix, int limit) {
    return select(u.id, u.name).from(u).where(u.age.gt(minAge), u.name.startsWith(prefix)).orderBy(u.name.asc())
        .limit(limit);
  }

  @Test
  void sameShapeRendersOnceAndReusesTheText() {
    CompiledStatement first = query(18, "A", 10).compile(Vendor.POSTGRESQL);
    long renders = RenderCache.RENDERS.get();
    CompiledStatement second = query(65, "Zz%_", 99).compile(Vendor.POSTGRESQL);
    assertEquals(renders, RenderCache.RENDERS.get(), "a cache hit must not render");
    assertSame(first.sql(), second.sql(), "the cached text itself is reused");
    assertEquals(List.of(18, "A%", 10), values(first));
    assertEquals(List.of(65, "Zz\\%\\_%", 99), values(second));
  }

  @Test
  void eachDialectRendersItsOwnText() {
    query(1, "x", 1).compile(Vendor.POSTGRESQL);
    query(1, "x", 1).compile(Vendor.H2);
    long renders = RenderCache.RENDERS.get();
    CompiledStatement pg = query(2, "y", 2).compile(Vendor.POSTGRESQL);
    CompiledStatement h2 = query(2, "y", 2).compile(Vendor.H2);
    assertEquals(renders, RenderCache.RENDERS.get());
    assertNotEquals(pg.sql(), h2.sql());
    // H2 writes OFFSET before FETCH; the cached slot order still binds limit last.
    assertEquals(List.of(2, "y%", 2), values(h2));
  }

  @Test
  void reorderedPlaceholdersAreBoundFromTheCachedOrder() {
    Select q1 = select(u.id).from(u).where(u.age.gt(1)).orderBy(u.age.plus(7).nullsLast()).limit(3).offset(4);
    Select q2 = select(u.id).from(u).where(u.age.gt(2)).orderBy(u.age.plus(8).nullsLast()).limit(5).offset(6);
    q1.compile(Vendor.MYSQL);
    q1.compile(Vendor.H2);
    long renders = RenderCache.RENDERS.get();
    assertEquals(List.of(2, 8, 8, 5, 6), values(q2.compile(Vendor.MYSQL)));
    assertEquals(List.of(2, 8, 6, 5), values(q2.compile(Vendor.H2)));
    assertEquals(renders, RenderCache.RENDERS.get());
  }

  @Test
  void differentShapesRenderDifferentText() {
    String one = select(u.id).from(u).where(u.id.in(1L)).compile(Vendor.SQLITE).sql();
    String two = select(u.id).from(u).where(u.id.in(1L, 2L)).compile(Vendor.SQLITE).sql();
    String aliased = select(u.as("x").id).from(u.as("x")).where(u.as("x").id.in(1L)).compile(Vendor.SQLITE).sql();
    String nullTest = select(u.id).from(u).where(u.age.eq((Integer) null)).compile(Vendor.SQLITE).sql();
    String valueTest = select(u.id).from(u).where(u.age.eq(3)).compile(Vendor.SQLITE).sql();
    assertNotEquals(one, two);
    assertNotEquals(one, aliased);
    assertNotEquals(nullTest, valueTest);
    assertTrue(aliased.contains("x.id"), aliased);
  }

  @Test
  void dmlIsCachedToo() {
    insertInto(u).set(u.name, "a").set(u.age, 1).compile(Vendor.SQLITE);
    long renders = RenderCache.RENDERS.get();
    CompiledStatement c = insertInto(u).set(u.name, "b").set(u.age, 2).compile(Vendor.SQLITE);
    assertEquals(renders, RenderCache.RENDERS.get());
    assertEquals(List.of("b", 2), values(c));
  }

  @Test
  void concurrentCompilationGivesConsistentResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            int age = seed * 1000 + i;
            // Not SQLite: its literal matches bind GLOB patterns.
            CompiledStatement c = query(age, "p" + i, i).compile(Vendor.values()[1 + i % 5]);
            if (!values(c).equals(List.of(age, "p" + i + "%", i))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void cacheIsBounded() {
    for (int n = 1; n <= RenderCache.MAX_ENTRIES + 50; n++) {
      List<Long> ids = new ArrayList<>();
      for (long i = 0; i < n % 200 + 1; i++) {
        ids.add(i);
      }
      // Distinct shapes: IN-list length times a distinct alias.
      Users alias = u.as("a" + n);
      select(alias.id).from(alias).where(alias.id.in(ids)).compile(Vendor.OTHER);
    }
    assertTrue(RenderCache.size(Vendor.OTHER) <= RenderCache.MAX_ENTRIES, "size " + RenderCache.size(Vendor.OTHER));
  }

  private static List<Object> values(CompiledStatement c) {
    List<Object> out = new ArrayList<>();
    c.parameters().forEach(p -> out.add(p.value()));
    return out;
  }
}
