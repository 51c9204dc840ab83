package dev.quarry.it.rel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.OrmException;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/** {@code Session.load} and a factory whose sessions never load implicitly (what async sessions need). */
class ExplicitLoadsTest {

  @AllDatabases
  void withoutImplicitLoadsTouchingUnloadedStateFailsNamingTheExplicitLoad(TestDatabase db) {
    Metadata.of(QStudent.student, QCourse.course, QStudent.COURSES_TABLE).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).implicitLoads(false).build();
    long id = sessions.inTransaction(s -> {
      Student ann = new Student("ann");
      ann.getCourses().add(new Course("math"));
      s.add(ann);
      s.flush();
      return ann.id;
    });
    try (Session s = sessions.openSession()) {
      Student ann = s.get(Student.class, id);
      RaiseLoadException lazy = assertThrows(RaiseLoadException.class, () -> ann.getCourses().size());
      assertTrue(lazy.getMessage().contains("session.load(object, QStudent.student.courses)"), lazy.getMessage());
      s.load(ann, QStudent.student.courses);
      assertEquals(List.of("math"), ann.getCourses().stream().map(Course::getTitle).toList());
      s.load(ann, QStudent.student.courses); // loaded: nothing to do
      s.commit(); // expires ann (expire on commit)
      OrmException expired = assertThrows(OrmException.class, ann::getName);
      assertTrue(expired.getMessage().contains("session.refresh(object)"), expired.getMessage());
      s.refresh(ann);
      assertEquals("ann", ann.getName());
    }
  }
}
