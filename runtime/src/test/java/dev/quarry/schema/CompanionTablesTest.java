package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table's companions (a many-to-many's association table) join the metadata once everything they reference is there. */
class CompanionTablesTest {
  static final Table STUDENT_COURSES = Table.builder("student_courses")
      .column(ColumnSpec.of("student_id", SqlTypes.BIGINT).primaryKey())
      .column(ColumnSpec.of("course_id", SqlTypes.BIGINT).primaryKey())
      .foreignKey("fk_sc_student", List.of("student_id"), "students", List.of("id"), ReferentialAction.CASCADE)
      .foreignKey("fk_sc_course", List.of("course_id"), "courses", List.of("id"), ReferentialAction.CASCADE)
      .build();

  /** Like a generated Q-class: an entity table that brings its association table. */
  static final class Students extends Table implements CompanionTables {
    Students() {
      super(null, "students", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
    }

    @Override
    public List<Table> companionTables() {
      return List.of(STUDENT_COURSES);
    }
  }

  static final Table COURSES = Table.builder("courses")
      .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement()).build();

  @Test
  void theAssociationTableComesWithBothEntities() {
    Metadata both = Metadata.of(new Students(), COURSES);
    assertTrue(both.hasTable("student_courses"));
    assertEquals(List.of("students", "courses", "student_courses"),
        both.sortedTables().stream().map(Table::name).toList(), "created after both tables it references");
    assertTrue(Metadata.of(COURSES, new Students()).hasTable("student_courses"), "whatever the order");
    assertTrue(Metadata.of(new Students()).with(COURSES).hasTable("student_courses"), "or a later with(...)");
    assertTrue(both.createStatements(Vendor.H2).stream().anyMatch(s -> s.contains("student_courses")));
    assertTrue(both.dropStatements(Vendor.H2).stream().anyMatch(s -> s.contains("student_courses")));
  }

  @Test
  void notWhileAReferencedTableIsMissing() {
    assertFalse(Metadata.of(new Students()).hasTable("student_courses"));
    assertEquals(List.of("students"), Metadata.of(new Students()).tables().stream().map(Table::name).toList());
  }

  @Test
  void singleTableDdlStaysSingle() {
    assertFalse(Metadata.createStatements(new Students(), Vendor.H2).stream()
        .anyMatch(s -> s.contains("student_courses")));
  }

  @Test
  void addingItByHandStillWorks() {
    Metadata m = Metadata.of(new Students(), COURSES, STUDENT_COURSES);
    assertEquals(3, m.tables().size());
  }
}
