package dev.quarry.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.ValidationException;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/**
 * {@code @Validates({"email", "age"}) Object validate(String property, Object value)}: one validator for
 * a String and an Integer property, called at flush with the property's name, normalising or rejecting.
 */
class PropertyValidatorTest {
  @AllDatabases
  void oneValidatorNormalisesAndRejectsTwoPropertiesOfDifferentTypes(TestDatabase db) {
    Metadata.of(QApplicant.applicant).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).build();
    long id;
    try (Session s = sessions.openSession()) {
      Applicant a = new Applicant("  Ann@Example.ORG ", 200);
      s.add(a);
      s.flush();
      assertEquals(List.of("email", "age"), a.validated, "called once per property, with its name");
      assertEquals("ann@example.org", a.getEmail(), "normalised in the object");
      assertEquals(150, a.getAge());
      s.commit();
      id = a.id;
    }
    try (Session s = sessions.openSession()) {
      Applicant a = s.get(Applicant.class, id);
      assertEquals("ann@example.org", a.getEmail(), "normalised in the row");
      assertEquals(150, a.getAge());
      a.setAge(-1);
      ValidationException e = assertThrows(ValidationException.class, s::flush);
      assertEquals("age", e.property());
      assertTrue(e.getMessage().contains("age must be 0 or more"), e.getMessage());
      assertEquals(List.of("age"), a.validated, "an UPDATE validates the changed property only");
    }
    try (Session s = sessions.openSession()) {
      s.add(new Applicant("nobody", 30));
      ValidationException e = assertThrows(ValidationException.class, s::flush);
      assertEquals("email", e.property());
      assertTrue(e.getMessage().contains("not an e-mail address"), e.getMessage());
    }
    try (Session s = sessions.openSession()) {
      assertEquals(1, s.select(QApplicant.applicant).count(), "nothing rejected was written");
    }
  }
}
