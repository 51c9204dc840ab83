package dev.quarry.spi;

/**
 * Implemented by generated metamodels ({@code QUser extends Table implements EntityTable<User>})
 * so that {@code session.select(QUser.user)} is typed by the entity class.
 *
 * @param <E> the entity class
 */
public interface EntityTable<E> {
  /** The entity class this table maps. */
  Class<E> entityType();
}
