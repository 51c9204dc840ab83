package dev.quarry.it.rel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-sided references with annotation defaults (SELECTIN, RAISE) and misuse of loader options. */
class OneSidedAndOptionsTest {
  @Test
  void optionsMustFollowThePath() {
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
        () -> Load.selectIn(QShopper.shopper.orders).then(Load.selectIn(QShopper.shopper.orders)));
    assertEquals("cannot nest Shopper.orders under Shopper.orders: it must be a relationship of ShopOrder",
        nested.getMessage());
  }

  @AllDatabases
  void defaultsFromTheAnnotation(TestDatabase db) {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine, QReview.review).createAll(db.engine());
    List<String> statements = new ArrayList<>();
    SessionFactory sessions = SessionFactory.builder(db.engine()).statementListener((sql, n) -> statements.add(sql))
        .build();
    try (Session s = sessions.openSession()) {
      Shopper ann = new Shopper("ann");
      Shopper bob = new Shopper("bob");
      for (int i = 0; i < 5; i++) {
        s.add(new Review("r" + i, i % 2 == 0 ? ann : bob, ann)); // save-update cascades to the shoppers
      }
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      statements.clear();
      List<Review> reviews = s.select(QReview.review).list();
      assertEquals(2, statements.size(), "SELECTIN default: reviews + one IN query for the authors");
      assertEquals("ann", reviews.get(0).getAuthor().getName());
      RaiseLoadException e = assertThrows(RaiseLoadException.class, reviews.get(0)::getEditor);
      assertTrue(e.getMessage().startsWith("Review.editor (Review with id "), e.getMessage());
      assertTrue(e.getMessage().contains("Load.selectIn(QReview.review.editor)"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> s.select(QShopper.shopper).options(Load.selectIn(QReview.review.author)));
      assertEquals(3, s.select(QReview.review).where(QReview.review.author.has(QShopper.shopper.name.eq("ann")))
          .count());
    }
    try (Session s = sessions.openSession()) {
      List<Review> reviews = s.select(QReview.review).options(Load.selectIn(QReview.review.editor)).list();
      assertEquals("ann", reviews.get(4).getEditor().getName(), "an option overrides RAISE");
      assertEquals(1, s.related(reviews.get(1), QReview.review.author).count());
    }
  }
}
