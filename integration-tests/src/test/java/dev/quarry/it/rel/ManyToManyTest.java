package dev.quarry.it.rel;

import static dev.quarry.orm.Load.selectIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** Many-to-many through an association table: loading both sides, writing rows from the collection. */
class ManyToManyTest {
  private final List<String> statements = new ArrayList<>();

  private static List<String> titles(Student s) {
    return s.getCourses().stream().map(Course::getTitle).toList();
  }

  @AllDatabases
  void associationRowsFollowTheOwningCollection(TestDatabase db) {
    Metadata.of(QStudent.student, QCourse.course, QStudent.COURSES_TABLE).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).statementListener((sql, n) -> statements.add(sql))
        .build();
    try (Session s = sessions.openSession()) {
      Course algebra = new Course("algebra");
      Course biology = new Course("biology");
      Student ann = new Student("ann");
      ann.getCourses().add(biology);
      ann.getCourses().add(algebra);
      Student bob = new Student("bob");
      bob.getCourses().add(biology);
      s.add(ann);
      s.add(bob);
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      statements.clear();
      List<Student> students = s.select(QStudent.student).options(selectIn(QStudent.student.courses))
          .orderBy(QStudent.student.name.asc()).list();
      assertEquals(List.of("algebra", "biology"), titles(students.get(0)), "orderBy title");
      assertEquals(List.of("biology"), titles(students.get(1)));
      assertEquals(2, statements.size(), statements.toString());
      Course biology = students.get(1).getCourses().iterator().next();
      assertEquals(List.of("ann", "bob"), biology.getStudents().stream().map(Student::getName).toList(),
          "the inverse side loads through the association table");
      Student ann = students.get(0);
      ann.getCourses().removeIf(c -> c.getTitle().equals("algebra"));
      ann.getCourses().add(new Course("chemistry"));
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      Student ann = s.select(QStudent.student).where(QStudent.student.name.eq("ann")).one();
      assertEquals(List.of("biology", "chemistry"), titles(ann));
      assertEquals(2, s.related(ann, QStudent.student.courses).count());
      assertEquals(List.of("ann"), s.select(QStudent.student)
          .where(QStudent.student.courses.any(QCourse.course.title.eq("chemistry"))).list().stream()
          .map(Student::getName).toList());
      assertEquals(2, s.select(QStudent.student).join(QStudent.student.courses)
          .where(QCourse.course.title.eq("biology")).count());
      s.delete(s.select(QStudent.student).where(QStudent.student.name.eq("bob")).one());
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      Course biology = s.select(QCourse.course).where(QCourse.course.title.eq("biology")).one();
      assertEquals(List.of("ann"), biology.getStudents().stream().map(Student::getName).toList());
      assertEquals(1, s.select(QCourse.course).where(QCourse.course.students.any()).where(
          QCourse.course.title.eq("chemistry")).count());
    }
  }

  @AllDatabases
  void coreJoinThroughTheTypedAssociationTable(TestDatabase db) {
    Metadata.of(QStudent.student, QCourse.course, QStudent.COURSES_TABLE).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).build();
    try (Session s = sessions.openSession()) {
      Course algebra = new Course("algebra");
      Course biology = new Course("biology");
      Student ann = new Student("ann");
      ann.getCourses().add(algebra);
      ann.getCourses().add(biology);
      Student bob = new Student("bob");
      bob.getCourses().add(biology);
      s.add(ann);
      s.add(bob);
      s.commit();
    }
    QStudent st = QStudent.student;
    QCourse c = QCourse.course;
    QStudent.CoursesTable sc = QStudent.COURSES_TABLE; // columns "student" and "course", fields studentId, courseId
    List<String> pairs = db.engine().withConnection(conn -> conn.execute(Sql.select(st.name, c.title)
        .from(st).join(sc, sc.studentId.eq(st.id)).join(c, c.id.eq(sc.courseId))
        .orderBy(st.name.asc(), c.title.asc())).map(r -> r.get(0) + ":" + r.get(1)));
    assertEquals(List.of("ann:algebra", "ann:biology", "bob:biology"), pairs);

    // typed columns: a Long comes back, and an alias keeps its class
    QStudent.CoursesTable other = QStudent.COURSES_TABLE.as("other");
    List<Long> courseIds = db.engine().withConnection(conn -> conn.execute(Sql.select(sc.courseId).from(sc)
        .join(other, other.courseId.eq(sc.courseId).and(other.studentId.ne(sc.studentId)))
        .orderBy(sc.courseId.asc())).map(r -> r.get(sc.courseId)));
    Long biologyId = db.engine().withConnection(conn -> conn.execute(Sql.select(c.id).from(c)
        .where(c.title.eq("biology"))).map(r -> r.get(c.id))).get(0);
    assertEquals(List.of(biologyId, biologyId), courseIds, "the course shared by two students, once per row");
  }

  @AllDatabases
  void associationRowsOfOneFlushGoAsOneBatchPerRelationshipAndKind(TestDatabase db) {
    Metadata.of(QStudent.student, QCourse.course, QStudent.COURSES_TABLE).createAll(db.engine());
    List<String> batches = new ArrayList<>();
    SessionFactory sessions = SessionFactory.builder(db.engine())
        .statementListener((sql, n) -> batches.add(sql + (n > 1 ? " [x" + n + "]" : ""))).build();
    String table = "rel_student_courses";
    try (Session s = sessions.openSession()) {
      Student ann = new Student("ann");
      Student bob = new Student("bob");
      for (String title : List.of("algebra", "biology", "chemistry")) {
        Course c = new Course(title);
        ann.getCourses().add(c);
        bob.getCourses().add(c);
      }
      s.add(ann);
      s.add(bob);
      batches.clear();
      s.flush();
      assertEquals(List.of("INSERT INTO rel_student_courses (student, course) VALUES (?, ?) [x6]"), batches.stream().filter(b -> b.contains(table)).toList());
      ann.getCourses().clear();
      bob.getCourses().remove(bob.getCourses().iterator().next());
      batches.clear();
      s.flush();
      assertEquals(List.of("DELETE FROM rel_student_courses WHERE rel_student_courses.student = ? AND"
          + " rel_student_courses.course = ? [x4]"), batches);
      s.delete(bob);
      batches.clear();
      s.flush();
      assertEquals("DELETE FROM rel_student_courses WHERE rel_student_courses.student = ?", batches.get(0),
          "the rows of a deleted owner go first, one batch for the relationship");
      s.commit();
    }
  }
}
