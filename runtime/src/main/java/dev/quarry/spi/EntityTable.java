package dev.quarry.spi;

import dev.quarry.schema.CompanionTables;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Implemented by generated metamodels ({@code QUser extends Table implements EntityTable<User>})
 * so that {@code session.select(QUser.user)} is typed by the entity class.
 *
 * @param <E> the entity class
 */
@Internal
public interface EntityTable<E> extends CompanionTables {
  /** The entity class this table maps. */
  Class<E> entityType();

  /**
   * The association tables of the entity's owning many-to-many relationships (from its generated
   * mapping), so that {@code Metadata.of(QStudent.student, QCourse.course)} creates them too.
   */
  @Override
  default List<Table> companionTables() {
    EntityMapping<?> mapping = Mappings.all().get(entityType());
    List<Table> out = new ArrayList<>();
    for (int r = 0; mapping != null && r < mapping.relationCount(); r++) {
      Table joinTable = mapping.relation(r).joinTable();
      if (joinTable != null) {
        out.add(joinTable);
      }
    }
    return out;
  }
}
