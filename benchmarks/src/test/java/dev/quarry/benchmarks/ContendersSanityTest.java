package dev.quarry.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.benchmarks.boot.Booted;
import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Contenders;
import dev.quarry.benchmarks.ebean.EItem;
import dev.quarry.benchmarks.hibernate.HItem;
import dev.quarry.benchmarks.jimmer.JAuthor;
import dev.quarry.benchmarks.jimmer.JBook;
import dev.quarry.benchmarks.jimmer.JItem;
import dev.quarry.benchmarks.jimmer.JimmerContender;
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
    if (o instanceof JItem r) {
      return List.of(r.id(), r.name(), r.email(), r.age(), r.score(), r.active(), r.createdAt(), r.amount(),
          r.category()).toString();
    }
    if (o instanceof EItem r) {
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
    Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
    for (String name : Contenders.NAMES) {
      try (Contender c = Contenders.create(name, db)) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("findById", describe(c.findById(7)));
        a.put("list100", c.list(100).stream().map(ContendersSanityTest::describe).toList());
        a.put("list1000", c.list(1000).stream().map(ContendersSanityTest::describe).toList());
        if (Contenders.supports(name, "dto1000", db)) {
          a.put("dto100", c.dto(100));
        }
        for (String graph : List.of("graphJoined", "graphSelectin", "graphLazy")) {
          if (Contenders.supports(name, graph, db)) {
            a.put(graph, switch (graph) {
              case "graphJoined" -> c.graphJoined();
              case "graphSelectin" -> c.graphSelectin();
              default -> c.graphLazy();
            });
          }
        }
        answers.put(name, a);

        a.put("stream", c.stream(1000, 1000)); // MyBatis declares fetch size 1,000 in its mapper
        if (Contenders.supports(name, "insertOne", db)) { // not the read-only contenders
          assertTrue(c.insertOne(5) > 0, name);
          long last = c.batchInsert(1000, 10);
          assertTrue(last > 1000, name + " read back the batch's keys: " + last);
          a.put("inserted rows", inserted(db));
          String item3 = describe(c.findById(3));
          long before = c.loadModifyCommit(3);
          assertEquals(before + 1, c.loadModifyCommit(3), name + " committed the change");
          assertEquals(item3, describe(c.findById(3)), name + " changed nothing but the counter");
          long sum = c.loadModifyFlush(1000);
          assertEquals(sum + 1000, c.loadModifyFlush(1000), name + " flushed every change");
        }
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
    Map<String, Object> expected = answers.get("jdbc");
    answers.forEach((name, a) -> a.forEach((what, answer) ->
        assertEquals(expected.get(what), answer, name + " " + what)));
  }

  /**
   * Each graph row issues the queries its name says (H2 counts executions per statement): joined
   * = one query touching {@code book}, selectin = one, lazy = one per author. A contender that
   * batched its "lazy" row, or ran N+1 for "selectin", would post a number for other work.
   */
  @Test
  void graphRowsRunTheQueriesTheirNamesSay() throws Exception {
    BenchDatabase db = BenchDatabase.H2;
    db.prepare();
    Map<String, Integer> expected = Map.of("graphJoined", 1, "graphSelectin", 1, "graphLazy", BenchDatabase.AUTHORS);
    try (Connection stats = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement st = stats.createStatement()) {
      for (String name : Contenders.NAMES) {
        try (Contender c = Contenders.create(name, db)) {
          for (String graph : List.of("graphJoined", "graphSelectin", "graphLazy")) {
            if (!Contenders.supports(name, graph, db)) {
              continue;
            }
            st.execute("SET QUERY_STATISTICS FALSE");
            st.execute("SET QUERY_STATISTICS TRUE");
            switch (graph) {
              case "graphJoined" -> c.graphJoined();
              case "graphSelectin" -> c.graphSelectin();
              default -> c.graphLazy();
            }
            int bookQueries = 0;
            try (ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
              while (rs.next()) {
                if (rs.getString(1).toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bbook\\b.*")) {
                  bookQueries += rs.getInt(2);
                }
              }
            }
            assertEquals(expected.get(graph), bookQueries, name + " " + graph + ": queries reading book");
          }
        }
      }
      st.execute("SET QUERY_STATISTICS FALSE");
    }
  }

  /** Every contender's bootstrap over its 50 entities reads the same first row as JDBC. */
  @Test
  void everyBootstrapReadsTheSameFirstRow() throws Exception {
    BenchDatabase db = BenchDatabase.H2;
    db.prepareBootTables();
    String expected = null;
    for (String name : Contenders.NAMES) {
      if (!Contenders.supports(name, "bootstrap50", db)) {
        continue;
      }
      Booted booted = Booted.run(name, db);
      try {
        if (expected == null) {
          expected = booted.row();
          assertEquals("[1, first of boot_01, 12.50, 2024-01-01T10:00, 1, true]", expected);
        }
        assertEquals(expected, booted.row(), name);
      } finally {
        booted.resources().close();
      }
    }
  }

  /** Every value the insert scenarios wrote, in key order. */
  private static List<String> inserted(BenchDatabase db) {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, email, age, score, active, created_at, amount, category, counter"
            + " FROM item_new ORDER BY id")) {
      while (rs.next()) {
        rows.add(List.of(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getBoolean(5),
            rs.getTimestamp(6).toLocalDateTime(), rs.getBigDecimal(7), rs.getString(8), rs.getLong(9)).toString());
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    assertEquals(1001, rows.size());
    return rows;
  }

  /** The graph as hand-written JDBC reads it: author id to its books (id, author id, title, pages) in id order. */
  static Map<Long, List<String>> jdbcGraph(BenchDatabase db) throws Exception {
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
    return expected;
  }

  /** Jimmer's fetchers (100 authors per books query, and one by one) build the graph JDBC reads. */
  @Test
  void jimmerFetchersBuildTheSameGraphAsJdbc() throws Exception {
    BenchDatabase db = BenchDatabase.H2;
    db.prepare();
    Map<Long, List<String>> expected = jdbcGraph(db);
    try (JimmerContender jimmer = new JimmerContender(db)) {
      for (var fetcher : List.of(JimmerContender.SELECTIN, JimmerContender.ONE_BY_ONE)) {
        Map<Long, List<String>> actual = new LinkedHashMap<>();
        for (JAuthor author : jimmer.authors(fetcher)) {
          List<String> books = new ArrayList<>();
          for (JBook b : author.books().stream().sorted(java.util.Comparator.comparingLong(JBook::id)).toList()) {
            books.add(List.of(b.id(), b.author().id(), b.title(), b.pages()).toString());
          }
          actual.put(author.id(), books);
        }
        assertEquals(expected, actual, fetcher.toString());
      }
    }
  }

  /** Quarry's JOINED / SELECTIN / LAZY loaders build exactly the graph hand-written JDBC reads. */
  @Test
  void quarryLoadersBuildTheSameGraphAsJdbc() throws Exception {
    BenchDatabase db = BenchDatabase.H2;
    db.prepare();
    Map<Long, List<String>> expected = jdbcGraph(db);
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
