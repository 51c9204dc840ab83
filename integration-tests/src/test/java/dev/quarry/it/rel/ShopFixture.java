package dev.quarry.it.rel;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import java.util.List;

/** Committed shoppers and orders that relationship tests start from. */
public final class ShopFixture {
  private ShopFixture() {}

  /** The ids of a shopper without orders, a shopper holding one order (total 10), and that order. */
  public record Ids(long without, long holder, long order) {}

  /** Commits {@code without} (no orders) and {@code holder} with one order; returns their ids. */
  public static Ids twoShoppersOneOrder(SessionFactory factory, String without, String holder) {
    try (Session s = factory.openSession()) {
      Shopper empty = new Shopper(without);
      Shopper owner = new Shopper(holder);
      ShopOrder order = new ShopOrder(10);
      owner.getOrders().add(order);
      s.addAll(List.of(empty, owner));
      s.commit();
      return new Ids(empty.getId(), owner.getId(), order.getId());
    }
  }
}
