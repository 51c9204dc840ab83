package dev.quarry.it;

import static dev.quarry.orm.Load.joined;
import static dev.quarry.orm.Load.selectIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.it.inherit.Department;
import dev.quarry.it.inherit.Manager;
import dev.quarry.it.inherit.Manager_Mapping;
import dev.quarry.it.inherit.Person;
import dev.quarry.it.inherit.Person_Mapping;
import dev.quarry.it.inherit.QDepartment;
import dev.quarry.it.inherit.QPerson;
import dev.quarry.it.inherit.QTicket;
import dev.quarry.it.rel.OrderLine_Mapping;
import dev.quarry.it.rel.QOrderLine;
import dev.quarry.it.rel.QShopOrder;
import dev.quarry.it.rel.QShopper;
import dev.quarry.it.rel.ShopOrder;
import dev.quarry.it.rel.ShopOrder_Mapping;
import dev.quarry.it.rel.Shopper;
import dev.quarry.it.rel.Shopper_Mapping;
import dev.quarry.it.types.Label;
import dev.quarry.it.types.QUser;
import dev.quarry.it.types.User;
import dev.quarry.it.types.User_Mapping;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.spi.ReferenceResolver;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated row reader {@code read} as each of its callers uses it (a key already read, resolved
 * references, a new object with a known owner) against a plain read, and the straight-line
 * {@code snapshot} / {@code dirtyColumns} after loading through JOINED and SELECTIN queries: only the
 * changed columns are written, on SQLite, H2 and PostgreSQL.
 */
class GeneratedMappingPathsTest {
  private final StatementLog log = new StatementLog();

  private SessionFactory create(TestDatabase db) {
    Metadata.of(QAllTypes.allTypes, QUser.user, QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine,
        QDepartment.department, QPerson.person, QTicket.ticket).createAll(db.engine());
    SessionFactory sessions = log.sessions(db.engine());
    try (Session s = sessions.openSession()) {
      s.add(RoundTripTest.largest(db.vendor()));
      AllTypes nulls = new AllTypes();
      nulls.primitiveChar = ' ';
      s.add(nulls);
      Map<String, Object> preferences = new LinkedHashMap<>();
      preferences.put("theme", "dark");
      User user = new User("ann", preferences);
      user.setLabels(new ArrayList<>(List.of(new Label("a", 1), new Label("b", 2))));
      s.add(user);
      s.add(new User("bob", null));
      for (int u = 0; u < 3; u++) {
        Shopper shopper = new Shopper("shopper" + u);
        for (int o = 0; o < 2; o++) {
          shopper.getOrders().add(new ShopOrder(u * 10 + o));
        }
        s.add(shopper);
      }
      Department department = new Department("R&D");
      s.add(department);
      Manager max = new Manager("Max", 9000, "senior");
      max.setDepartment(department);
      s.addAll(List.of(new Person("Pat"), max));
      s.commit();
    }
    log.clear();
    return sessions;
  }

  private List<String> sql() {
    return log.take();
  }

  @AllDatabases
  void readWithAKnownIdReadsWhatAPlainReadReads(TestDatabase db) throws SQLException {
    create(db);
    assertEquals(2, compare(db, AllTypes_Mapping.INSTANCE));
    assertEquals(2, compare(db, User_Mapping.INSTANCE));
    assertEquals(3, compare(db, Shopper_Mapping.INSTANCE));
    assertEquals(6, compare(db, ShopOrder_Mapping.INSTANCE));
    assertEquals(0, compare(db, OrderLine_Mapping.INSTANCE));
    assertEquals(2, compare(db, Person_Mapping.INSTANCE));
    assertEquals(2, compare(db, Manager_Mapping.INSTANCE));
  }

  /** An id of the same type as {@code id} but another value (and of another type for keys not numeric). */
  private static Object otherThan(Object id) {
    if (id instanceof Long l) {
      return l + 1_000_000;
    }
    if (id instanceof Integer i) {
      return i + 1_000_000;
    }
    return "not " + id;
  }

  /**
   * Reads every row of {@code m}'s table with a plain {@code read} and with {@code readId} + {@code read}
   * given that id (with {@link ReferenceResolver#NONE}: key-only references, as the plain read makes).
   */
  private static <E> int compare(TestDatabase db, EntityMapping<E> m) throws SQLException {
    String columns = m.table().columns().stream().map(c -> db.quote(c.name()))
        .collect(Collectors.joining(", "));
    int rows = 0;
    try (Connection c = db.engine().connect();
        Statement st = c.jdbc().createStatement();
        ResultSet rs = st.executeQuery("SELECT " + columns + " FROM " + db.quote(m.table().name()))) {
      while (rs.next()) {
        E read = m.read(rs, 1, db.vendor(), m.newInstance(), null, ReferenceResolver.NONE, -1, null);
        Object id = m.readId(rs, 1, db.vendor());
        Counting interceptor = new Counting();
        E target = m.supportsInterception() ? m.newManagedInstance(interceptor) : m.newInstance();
        E withId = m.read(rs, 1, db.vendor(), target, id, ReferenceResolver.NONE, -1, null);
        Object[] snapshot = m.snapshot(read);
        assertArrayEquals(snapshot, m.snapshot(withId), m.entityName());
        assertArrayEquals(new int[0], m.dirtyColumns(withId, snapshot), m.entityName());
        assertEquals(id, m.id(withId));
        for (int i = 0; i < snapshot.length; i++) {
          assertEquals(snapshot[i] instanceof byte[] b ? List.of(b.length) : snapshot[i],
              m.get(withId, i) instanceof byte[] b ? List.of(b.length) : m.get(withId, i), m.propertyName(i));
        }
        assertEquals(0, interceptor.calls, "interception is off while the mapping reads and compares");
        if (m.supportsInterception()) {
          Counting given = new Counting();
          E fresh = m.read(rs, 1, db.vendor(), null, id, ReferenceResolver.NONE, -1, null);
          assertArrayEquals(snapshot, m.snapshot(fresh), m.entityName() + ": a new object reads what read reads");
          assertNull(((ManagedEntity) fresh).quarryInterceptor(), "the caller gives it its interceptor once read");
          ((ManagedEntity) fresh).quarryInterceptor(given);
          assertEquals(0, given.calls, "the interceptor sees none of the reading");
        }
        assertTrue(m.sameId(rs, 1, db.vendor(), id), m.entityName() + ": sameId of the row's own id");
        assertFalse(m.sameId(rs, 1, db.vendor(), otherThan(id)), m.entityName() + ": sameId of another id");
        rows++;
      }
    }
    return rows;
  }

  @AllDatabases
  void readTakesTheResolvedObjectOnlyWhenOfThePropertysType(TestDatabase db) throws SQLException {
    create(db);
    Shopper tracked = new Shopper("tracked");
    List<String> asked = new ArrayList<>();
    ReferenceResolver finds = (type, key) -> {
      asked.add(type.getSimpleName() + "#" + key);
      return tracked;
    };
    ReferenceResolver wrongClass = (type, key) -> new Department("not a shopper");
    ShopOrder_Mapping m = ShopOrder_Mapping.INSTANCE;
    assertEquals("shopper", m.relation(0).name());
    String columns = m.table().columns().stream().map(c -> db.quote(c.name()))
        .collect(Collectors.joining(", "));
    int rows = 0;
    try (Connection c = db.engine().connect();
        Statement st = c.jdbc().createStatement();
        ResultSet rs = st.executeQuery("SELECT " + columns + " FROM " + db.quote("rel_orders"))) {
      while (rs.next()) {
        Object id = m.readId(rs, 1, db.vendor());
        ShopOrder resolved = m.read(rs, 1, db.vendor(), m.newInstance(), id, finds, -1, null);
        assertSame(tracked, resolved.getShopper());
        ShopOrder keyOnly = m.read(rs, 1, db.vendor(), m.newInstance(), id, wrongClass, -1, null);
        Object[] snapshot = m.snapshot(m.read(rs, 1, db.vendor(), m.newInstance(), null, ReferenceResolver.NONE, -1,
            null));
        assertNotSame(tracked, keyOnly.getShopper());
        assertEquals(snapshot[m.relation(0).foreignKeyColumn()], keyOnly.getShopper().getId(), "the key-only reference");
        assertArrayEquals(snapshot, m.snapshot(keyOnly));
        rows++;
      }
    }
    assertEquals(6, rows);
    assertEquals(6, asked.size(), "one question per row");
    assertTrue(asked.stream().allMatch(a -> a.startsWith("Shopper#")), asked.toString());
  }

  /**
   * {@code read} of a new object with a known owner: the element's reference is that object, whatever
   * its key column holds (it is not read: here the owner's key differs on purpose).
   */
  @AllDatabases
  void readTakesTheKnownOwnerForItsRelationship(TestDatabase db) throws SQLException {
    create(db);
    Shopper owner = new Shopper("known");
    ShopOrder_Mapping orders = ShopOrder_Mapping.INSTANCE;
    assertEquals("shopper", orders.relation(0).name());
    try (Connection c = db.engine().connect(); Statement st = c.jdbc().createStatement()) {
      try (ResultSet rs = st.executeQuery(select(db, orders))) {
        assertTrue(rs.next());
        Object id = orders.readId(rs, 1, db.vendor());
        ShopOrder order = orders.read(rs, 1, db.vendor(), null, id, ReferenceResolver.NONE, 0, owner);
        assertSame(owner, order.getShopper());
        assertNull(orders.get(order, orders.relation(0).foreignKeyColumn()),
            "the owner's key (none yet), not the row's");
      }
    }
  }

  private static String select(TestDatabase db, EntityMapping<?> m) {
    return "SELECT " + m.table().columns().stream().map(c -> db.quote(c.name())).collect(Collectors.joining(", "))
        + " FROM " + db.quote(m.table().name()) + " ORDER BY 1";
  }

  @AllDatabases
  void changesAfterJoinedAndSelectInLoadsUpdateOnlyTheirColumns(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = s.select(QShopper.shopper).orderBy(QShopper.shopper.id.asc())
          .options(joined(QShopper.shopper.orders)).list();
      assertEquals(3, shoppers.size());
      sql();
      s.flush();
      assertEquals(List.of(), sql(), "nothing changed");
      ShopOrder moved = shoppers.get(1).getOrders().get(0);
      assertEquals(10, moved.getTotal());
      moved.setShopper(shoppers.get(2));
      s.flush();
      assertEquals(List.of(db.quoted("UPDATE rel_orders SET shopper_id = ? WHERE rel_orders.id = ?")), sql());
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = s.select(QShopper.shopper).orderBy(QShopper.shopper.id.asc())
          .options(selectIn(QShopper.shopper.orders)).list();
      ShopOrder order = shoppers.stream().flatMap(x -> x.getOrders().stream()).filter(o -> o.getTotal() == 10)
          .findFirst().orElseThrow();
      assertEquals(shoppers.get(2), order.getShopper());
      sql();
      s.flush();
      assertEquals(List.of(), sql(), "nothing changed");
      order.setShopper(shoppers.get(1));
      s.flush();
      assertEquals(List.of(db.quoted("UPDATE rel_orders SET shopper_id = ? WHERE rel_orders.id = ?")), sql());
      s.commit();
    }
  }

  @AllDatabases
  void primitivesArraysAndJsonChangedInPlaceAreDirty(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<AllTypes> all = s.select(QAllTypes.allTypes).orderBy(QAllTypes.allTypes.id.asc()).list();
      List<User> users = s.select(QUser.user).orderBy(QUser.user.id.asc()).list();
      sql();
      s.flush();
      assertEquals(List.of(), sql(), "nothing changed: primitives, arrays, converted and JSON values compare equal");
      AllTypes largest = all.get(0);
      largest.bytes[0]++;
      largest.primitiveDouble = -largest.primitiveDouble;
      largest.primitiveChar = 'z';
      users.get(0).getLabels().add(new Label("c", 3));
      s.flush();
      List<String> written = sql();
      assertEquals(2, written.size(), written.toString());
      assertTrue(written.contains(db.quoted("UPDATE all_types SET primitive_double = ?, primitive_char = ?, "
          + "bytes = ? WHERE all_types.id = ?")), written.toString());
      assertTrue(written.contains(db.quoted("UPDATE type_users SET labels = ? WHERE type_users.id = ?")),
          written.toString());
      s.commit();
    }
  }

  /** Counts interceptor calls. */
  private static final class Counting implements EntityInterceptor {
    int calls;

    @Override
    public void beforeRead(Object entity, int property) {
      calls++;
    }

    @Override
    public void afterWrite(Object entity, int property) {
      calls++;
    }
  }
}
