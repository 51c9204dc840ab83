package dev.quarry.it.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLAlchemy's hybrid property example: {@code User.full_name} in Java and in SQL, in filters, ORDER BY and SELECT. */
class ComputedTest {
  private static final QUser u = QUser.user;

  private static SessionFactory create(TestDatabase db) {
    Metadata.of(QUser.user, QShipment.shipment).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).build();
    try (Session s = sessions.openSession()) {
      s.add(new User("احمد", "علی"));
      s.add(new User("Ada", "Lovelace"));
      s.add(new User("Alan", "Turing"));
      s.commit();
    }
    return sessions;
  }

  @Test
  void theGetterIsPlainJava() {
    assertEquals("احمد علی", new User("احمد", "علی").getFullName());
  }

  @Test
  void theExpressionRendersPerDialect() {
    var query = Sql.select(u.id).from(u).where(u.fullName().eq("احمد علی"));
    String ansi = "SELECT embed_users.id FROM embed_users WHERE"
        + " ((embed_users.first_name || ?) || embed_users.last_name) = ?";
    assertEquals(ansi, query.compile(Vendor.SQLITE).sql());
    assertEquals(ansi, query.compile(Vendor.H2).sql());
    assertEquals(ansi, query.compile(Vendor.POSTGRESQL).sql());
    assertEquals("SELECT embed_users.id FROM embed_users WHERE"
        + " CONCAT(CONCAT(embed_users.first_name, ?), embed_users.last_name) = ?",
        query.compile(Vendor.MYSQL).sql());
    QUser u2 = QUser.user.as("u2");
    assertEquals("SELECT u2.id FROM embed_users AS u2 ORDER BY"
        + " ((u2.first_name || ?) || u2.last_name) DESC",
        Sql.select(u2.id).from(u2).orderBy(u2.fullName().desc()).compile(Vendor.POSTGRESQL).sql(),
        "the expression is bound to the alias it is called on");
  }

  @AllDatabases
  void fullNameInAFilter(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      // session.query(User).filter(User.full_name == 'احمد علی')
      // tour:computed-query
      User found = s.select(User.class).where(u.fullName().eq("احمد علی")).one();
      assertEquals("احمد", found.firstName);
      assertEquals("احمد علی", found.getFullName());
      // end
      assertEquals(List.of("Ada Lovelace", "Alan Turing"), s.select(User.class).where(u.fullName().startsWith("A"))
          .orderBy(u.fullName().asc()).list().stream().map(User::getFullName).toList());
    }
  }

  @AllDatabases
  void fullNameInOrderByAndSelectAndOnAnAlias(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      assertEquals(List.of("Alan Turing", "Ada Lovelace"), s.select(User.class).where(u.firstName.startsWith("A"))
          .orderBy(u.fullName().desc()).list().stream().map(User::getFullName).toList());
      assertEquals(List.of("علی: احمد علی", "Lovelace: Ada Lovelace", "Turing: Alan Turing"),
          s.select(u, u.fullName()).orderBy(u.id.asc()).list().stream()
              .map(t -> t.get(User.class).lastName + ": " + t.get(1)).toList(), "a computed property in a select list");
      QUser other = QUser.user.as("other");
      assertEquals("Turing", s.select(User.class, other).where(other.fullName().eq("Alan Turing")).one().lastName);
    }
  }
}
