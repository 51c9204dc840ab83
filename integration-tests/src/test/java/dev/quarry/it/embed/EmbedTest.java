package dev.quarry.it.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.engine.Row;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Column;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedded values (record and class, null), embedded ids, on SQLite, H2 and PostgreSQL. */
class EmbedTest {
  private static final QUser u = QUser.user;
  private static final QShipment s = QShipment.shipment;

  private static Engine create(TestDatabase db) {
    Metadata.of(QUser.user, QShipment.shipment).createAll(db.engine());
    return db.engine();
  }

  private static User user(String first, String last, Address home, Address work, GeoPoint location) {
    User user = new User(first, last);
    user.home = home;
    user.work = work;
    user.setLocation(location);
    return user;
  }

  @Test
  void componentsAreColumnsOfTheOwnersTableWithTheirPrefix() {
    assertEquals(List.of("id", "first_name", "last_name", "home_street", "home_city", "home_zip", "work_street",
        "work_city", "work_zip", "location_lat", "location_lng"), u.columns().stream().map(Column::name).toList());
    assertEquals(List.of("carrier", "number", "status", "destination_street", "destination_city",
        "destination_zip"), s.columns().stream().map(Column::name).toList());
    assertEquals(List.of("carrier", "number"), s.primaryKey().stream().map(Column::name).toList());
    assertSame(u.home.city, u.columns().get(4), "the path's columns are the table's columns");
    assertEquals("home.city", User_Mapping.INSTANCE.propertyName(4));
  }

  @Test
  void valueEqualityRendersAsColumnComparisonsOnEveryDialect() {
    var query = Sql.select(u.id).from(u).where(u.home.eq(new Address("1 Main St", "Tehran", null)));
    String ansi = "SELECT embed_users.id FROM embed_users WHERE embed_users.home_street = ?"
        + " AND embed_users.home_city = ? AND embed_users.home_zip IS NULL";
    for (Vendor vendor : List.of(Vendor.SQLITE, Vendor.H2, Vendor.POSTGRESQL)) {
      assertEquals(ansi, query.compile(vendor).sql(), vendor.toString());
    }
    assertEquals(ansi.replace('"', '`'), query.compile(Vendor.MYSQL).sql());
  }

  @AllDatabases
  void recordClassAndNullValuesRoundTrip(TestDatabase db) {
    Engine engine = create(db);
    UserDao dao = new UserDao(engine);
    User ann = dao.insert(user("Ann", "Lee", new Address("1 Main St", "Tehran", "11369"), null,
        new GeoPoint(35.7, 51.4)));
    User bob = dao.insert(user("Bob", "Ray", null, new Address(null, "Shiraz", null), null));
    User loaded = dao.findById(ann.id).orElseThrow();
    assertEquals(new Address("1 Main St", "Tehran", "11369"), loaded.home);
    assertNull(loaded.work, "a value whose columns are all NULL reads as null");
    assertEquals(35.7, loaded.getLocation().getLat());
    assertEquals(51.4, loaded.getLocation().getLng());
    User other = dao.findById(bob.id).orElseThrow();
    assertNull(other.home);
    assertNull(other.getLocation());
    assertEquals(new Address(null, "Shiraz", null), other.work, "a partly NULL value is kept");
    Row row = engine.withConnection(c -> c.execute(Sql.select(u.home.street, u.home.postcode, u.work.city)
        .from(u).where(u.id.eq(ann.id))).one());
    assertEquals("1 Main St", row.get(0));
    assertEquals("11369", row.get(1));
    assertNull(row.get(2));
  }

  @AllDatabases
  void predicatesOnEmbeddedColumnsAndValues(TestDatabase db) {
    Engine engine = create(db);
    UserDao dao = new UserDao(engine);
    dao.insert(user("Ann", "Lee", new Address("1 Main St", "Tehran", "11369"), null, null));
    dao.insert(user("Bob", "Ray", new Address("9 Side St", "Tehran", null), new Address("5 Work Rd", "Karaj", "1"),
        null));
    dao.insert(user("Cy", "Zed", new Address("2 Hill Rd", "Tabriz", "5"), null, new GeoPoint(38.1, 46.3)));
    SessionFactory sessions = SessionFactory.builder(engine).build();
    try (Session session = sessions.openSession()) {
      // tour:embedded-query
      assertEquals(List.of("Bob", "Ann"), session.select(User.class).where(u.home.city.eq("Tehran"))
          .orderBy(u.home.street.desc()).list().stream().map(x -> x.firstName).toList());
      // end
      assertEquals(List.of("Ann"), session.select(User.class)
          .where(u.home.eq(new Address("1 Main St", "Tehran", "11369"))).list().stream().map(x -> x.firstName)
          .toList());
      assertEquals(List.of("Bob"), session.select(User.class).where(u.home.eq(new Address("9 Side St", "Tehran",
          null))).list().stream().map(x -> x.firstName).toList(), "a null component matches IS NULL");
      assertEquals(List.of("Ann", "Cy"), session.select(User.class).where(u.work.isNull()).orderBy(u.id.asc())
          .list().stream().map(x -> x.firstName).toList());
      assertEquals(List.of("Bob"), session.select(User.class).where(u.work.isNotNull()).list().stream()
          .map(x -> x.firstName).toList());
      assertEquals(List.of("Cy"), session.select(User.class).where(u.location.lat.gt(38.0)).list().stream()
          .map(x -> x.firstName).toList());
      assertEquals(1, session.select(User.class).filterBy("home.city", "Tabriz").count(),
          "string property names use the dotted path");
      assertEquals(2, dao.count(u.home.city.eq("Tehran")));
    }
  }

  @AllDatabases
  void replacingARecordAndMutatingAClassAreBothFlushed(TestDatabase db) {
    Engine engine = create(db);
    List<String> statements = new ArrayList<>();
    SessionFactory sessions = SessionFactory.builder(engine).statementListener((sql, n) -> statements.add(sql))
        .build();
    User ann = user("Ann", "Lee", new Address("1 Main St", "Tehran", "11369"), null, new GeoPoint(35.7, 51.4));
    try (Session session = sessions.openSession()) {
      session.add(ann);
      session.commit();
    }
    try (Session session = sessions.openSession()) {
      User loaded = session.get(User.class, ann.id);
      statements.clear();
      loaded.home = new Address("1 Main St", "Isfahan", "11369");
      session.flush();
      assertEquals(List.of(db.quoted("UPDATE embed_users SET home_city = ? WHERE embed_users.id = ?")),
          statements,
          "only the changed component is written");
      statements.clear();
      loaded.getLocation().setLat(36.0);
      loaded.getLocation().setLabel("not stored");
      session.flush();
      assertEquals(List.of(db.quoted("UPDATE embed_users SET location_lat = ? WHERE embed_users.id = ?")),
          statements,
          "changing the mutable value in place is seen by dirty checking");
      statements.clear();
      loaded.work = new Address("5 Work Rd", "Karaj", null);
      loaded.setLocation(null);
      session.commit();
      assertEquals(1, statements.stream().filter(x -> x.startsWith("UPDATE")).count());
    }
    try (Session session = sessions.openSession()) {
      User again = session.get(User.class, ann.id);
      assertEquals(new Address("1 Main St", "Isfahan", "11369"), again.home);
      assertEquals(new Address("5 Work Rd", "Karaj", null), again.work);
      assertNull(again.getLocation(), "setting the value to null writes NULL to every column");
      assertFalse(session.isModified(), "a freshly loaded value is not dirty");
    }
  }

  @AllDatabases
  void anExpiredEntityReloadsThroughTheEmbeddedValuesAccessor(TestDatabase db) {
    Engine engine = create(db);
    SessionFactory sessions = SessionFactory.builder(engine).expireOnCommit(true).build();
    User ann = user("Ann", "Lee", null, null, new GeoPoint(35.7, 51.4));
    try (Session session = sessions.openSession()) {
      session.add(ann);
      session.commit();
    }
    try (Session session = sessions.openSession()) {
      User loaded = session.get(User.class, ann.id);
      session.commit();
      db.execute(db.quoted("UPDATE embed_users SET location_lat = 1.5"));
      assertEquals(1.5, loaded.getLocation().getLat(), "the generated subclass reloads on the first access");
    }
  }

  @AllDatabases
  void embeddedIdFindsUpdatesAndDeletes(TestDatabase db) {
    Engine engine = create(db);
    ShipmentDao dao = new ShipmentDao(engine);
    Shipment first = new Shipment(new ShipmentKey("dhl", 7), "new");
    first.destination = new Address("1 Dock", "Bandar Abbas", null);
    dao.insertAll(List.of(first, new Shipment(new ShipmentKey("dhl", 8), "new"),
        new Shipment(new ShipmentKey("ups", 7), "sent")));
    Shipment found = dao.findById(new ShipmentKey("dhl", 7)).orElseThrow();
    assertEquals("new", found.getStatus());
    assertEquals("Bandar Abbas", found.destination.city());
    assertEquals(new ShipmentKey("dhl", 7), dao.mapping().id(found));
    found.setStatus("sent");
    dao.update(found);
    assertEquals("sent", dao.findById(new ShipmentKey("dhl", 7)).orElseThrow().getStatus());
    assertEquals(List.of(7, 8), dao.findBy(s.key.carrier.eq("dhl")).stream().map(x -> x.key.number()).toList());
    assertTrue(dao.deleteById(new ShipmentKey("ups", 7)));
    assertFalse(dao.existsById(new ShipmentKey("ups", 7)));
    assertEquals(2, dao.count());

    SessionFactory sessions = SessionFactory.builder(engine).build();
    try (Session session = sessions.openSession()) {
      Shipment a = session.get(Shipment.class, new ShipmentKey("dhl", 8));
      assertSame(a, session.get(Shipment.class, new ShipmentKey("dhl", 8)), "one object per key in a session");
      assertSame(a, session.select(Shipment.class).where(s.key.eq(new ShipmentKey("dhl", 8))).one());
      assertNotSame(a, session.get(Shipment.class, new ShipmentKey("dhl", 7)));
      session.delete(a);
      session.add(new Shipment(new ShipmentKey("fedex", 1), "new"));
      session.commit();
    }
    assertFalse(dao.existsById(new ShipmentKey("dhl", 8)));
    assertTrue(dao.existsById(new ShipmentKey("fedex", 1)));
    try (Session session = sessions.openSession()) {
      assertNull(session.get(Shipment.class, new ShipmentKey("nobody", 1)));
    }
  }
}
