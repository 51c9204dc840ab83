package dev.quarry.spi;

import dev.quarry.annotation.FetchType;

/**
 * One relationship of an entity as the processor compiled it: what it points at, which foreign key
 * links the two tables, and how it loads by default. Generated mappings hold one per relationship,
 * in declaration order; relationship {@code r} is property {@code columns().size() + r} for the
 * {@link EntityInterceptor}.
 *
 * @param name Java property name
 * @param kind which relationship annotation
 * @param target the related entity class
 * @param fetch default loading strategy
 * @param mappedBy on an inverse side, the owning property of the target; else empty
 * @param foreignKeyColumn on an owning to-one side, the index of the foreign-key column in this
 *     entity's table; else -1
 * @param collectionIsSet whether the collection property is a {@code Set} (else a {@code List})
 * @param orderBy sort keys of a collection ({@code "createdAt DESC, id"}), or empty
 * @param cascadeSaveUpdate whether {@code add} and flush of the owner add related objects
 * @param cascadeDelete whether deleting the owner deletes the related objects
 * @param deleteOrphan whether an element removed from the collection is deleted
 * @param joinTable on the owning side of a many-to-many, the association table: column 0 references
 *     this entity, column 1 the element entity; else null
 */
public record RelationInfo(String name, Kind kind, Class<?> target, FetchType fetch, String mappedBy,
    int foreignKeyColumn, boolean collectionIsSet, String orderBy, boolean cascadeSaveUpdate, boolean cascadeDelete,
    boolean deleteOrphan, dev.quarry.sql.Table joinTable) {

  /** Relationship annotations. */
  public enum Kind {
    MANY_TO_ONE,
    ONE_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY;
  }

  /** Whether the property holds a collection. */
  public boolean toMany() {
    return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
  }
}
