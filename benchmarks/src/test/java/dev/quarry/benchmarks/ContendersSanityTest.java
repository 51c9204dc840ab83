package dev.quarry.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Contenders;
import dev.quarry.benchmarks.hibernate.HItem;
import dev.quarry.benchmarks.model.Author;
import dev.quarry.benchmarks.model.Book;
import dev.quarry.benchmarks.model.Item;
import dev.quarry.benchmarks.model.QAuthor;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Load;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import dev.quarry.benchmarks.model.ItemRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every contender reads the same data and writes the same changes on H2 (a small data set; the
 * benchmarks themselves are not run by the build). Different answers would make the timings
 * meaningless.
 */
class ContendersSanityTest {
  @BeforeAll
  static void smallDataSet() {
    System.setProperty("bench.items", "2000");
  }

  static String describe(Object o) {
    if (o instanceof ItemRow r) {
      return List.of(r.getId(), r.getName(), r.getEmail(), r.getAge(), r.getScore(), r.isActive(), r.getCreatedAt(),
          r.getAmount(), r.getCategory()).toString();
    }
    if (o instanceof Item r) {
      return List.of(r.getId(), r.getName(), r.getEmail(), r.getAge(), r.getScore(), r.isActive(), r.getCreatedAt(),
          r.getAmount(), r.getCategory()).toString();
    }
    if (o instanceof HItem r) {
      return List.of(r.getId(), r.getName(), r.getEmail(), r.getAge(), r.getScore(), r.isActive(), r.getCreatedAt(),
          r.getAmount(), r.getCategory()).toString();
    }
    throw new AssertionError("unexpected " + o);
  }

  @Test
  void everyContenderReturnsTheSameData() {
    BenchDatabase db = BenchDatabase.H2;
    db.prepare();
    Map<String, List<Object>> answers = new LinkedHashMap<>();
    for (String name : Contenders.NAMES) {
      try (Contender c = Contenders.create(name, db)) {
        List<Object> a = new ArrayList<>();
        a.add(describe(c.findById(7)));
        a.add(c.list(100).stream().map(ContendersSanityTest::describe).toList());
        assertEquals(1000, c.list(1000).size(), name);
        a.add(c.dto(100));
        a.add(c.graphJoined());
        a.add(c.graphSelectin());
        a.add(c.graphLazy());
        answers.put(name, a);

        assertTrue(c.insertOne(5) > 0, name);
        long last = c.batchInsert(1000, 10);
        assertTrue(last > 1000, name + " read back the batch's keys: " + last);
        long before = c.loadModifyCommit(3);
        assertEquals(before + 1, c.loadModifyCommit(3), name + " committed the change");
        long sum = c.loadModifyFlush(1000);
        assertEquals(sum + 1000, c.loadModifyFlush(1000), name + " flushed every change");
        if (Contenders.supports(name, "openCloseSession", db)) {
          c.openClose();
        }
        if (Contenders.supports(name, "secondGet", db)) {
          try (Contender.Held held = c.hold(42)) {
            assertEquals(describe(c.findById(42)), describe(held.get()), name);
          }
        }
        if (Contenders.supports(name, "buildAndRender", db)) {
          assertNotNull(c.buildQuery("name 1", 20, true), name);
          assertNotNull(c.buildQuery(null, null, null), name);
        }
      }
      db.truncateInserts();
    }
    List<Object> expected = answers.get("jdbc");
    answers.forEach((name, a) -> {
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), a.get(i), name + " answer " + i);
      }
    });
  }

  /** Quarry's JOINED / SELECTIN / LAZY loaders build exactly the graph hand-written JDBC reads. */
  @Test
  void quarryLoadersBuildTheSameGraphAsJdbc() throws Exception {
    BenchDatabase db = BenchDatabase.H2;
    db.prepare();
    Map<Long, List<String>> expected = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT a.id, b.id, b.author_id, b.title, b.pages FROM author a"
            + " LEFT JOIN book b ON b.author_id = a.id ORDER BY a.id, b.id")) {
      while (rs.next()) {
        List<String> books = expected.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
        long bookId = rs.getLong(2);
        if (!rs.wasNull()) {
          books.add(List.of(bookId, rs.getLong(3), rs.getString(4), rs.getInt(5)).toString());
        }
      }
    }
    assertEquals(BenchDatabase.AUTHORS, expected.size());
    QAuthor a = QAuthor.author;
    Map<String, Load> strategies = new LinkedHashMap<>();
    strategies.put("joined", Load.joined(a.books));
    strategies.put("selectin", Load.selectIn(a.books));
    strategies.put("lazy", Load.lazy(a.books));
    try (Engine engine = db.engine()) {
      SessionFactory sessions = SessionFactory.of(engine);
      for (Map.Entry<String, Load> strategy : strategies.entrySet()) {
        Map<Long, List<String>> actual = new LinkedHashMap<>();
        try (Session s = sessions.openSession()) {
          for (Author author : s.select(a).options(strategy.getValue()).orderBy(a.id.asc()).list()) {
            List<String> books = new ArrayList<>();
            for (Book b : author.getBooks()) {
              assertTrue(b.getAuthor() == author, strategy.getKey() + ": book " + b.getId() + " points back at its author");
              books.add(List.of(b.getId(), b.getAuthor().getId(), b.getTitle(), b.getPages()).toString());
            }
            actual.put(author.getId(), books);
          }
        }
        assertEquals(expected, actual, strategy.getKey());
      }
    }
  }
}
