package dev.quarry.spi;

import dev.quarry.annotation.CascadeType;
import dev.quarry.annotation.FetchType;
import dev.quarry.sql.Table;
import java.util.List;

/**
 * One relationship of an entity as the processor compiled it: what it points at, which foreign key
 * links the two tables, and how it loads by default. Generated mappings hold one per relationship,
 * in declaration order; relationship {@code r} is property {@code columns().size() + r} for the
 * {@link EntityInterceptor}.
 *
 * <p>Generated code starts from a named factory with the annotations' defaults and states only what
 * differs: {@code RelationInfo.manyToOne("customer", Customer.class).foreignKey(6)}.
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
 * @param cacheRegion the second-level cache region of a collection ({@code @Cached} on it), or null
 */
@Internal
public record RelationInfo(String name, Kind kind, Class<?> target, FetchType fetch, String mappedBy,
    int foreignKeyColumn, boolean collectionIsSet, String orderBy, boolean cascadeSaveUpdate, boolean cascadeDelete,
    boolean deleteOrphan, Table joinTable, String cacheRegion) {

  /** Relationship annotations. */
  public enum Kind {
    MANY_TO_ONE,
    ONE_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY;
  }

  /** A {@code @ManyToOne} with the annotation's defaults (lazy, cascading save-update). */
  public static RelationInfo manyToOne(String name, Class<?> target) {
    return of(name, Kind.MANY_TO_ONE, target);
  }

  /** A {@code @OneToOne} with the annotation's defaults. */
  public static RelationInfo oneToOne(String name, Class<?> target) {
    return of(name, Kind.ONE_TO_ONE, target);
  }

  /** A {@code @OneToMany} collection (a {@code List} unless {@link #asSet}) with the annotation's defaults. */
  public static RelationInfo oneToMany(String name, Class<?> target) {
    return of(name, Kind.ONE_TO_MANY, target);
  }

  /** A {@code @ManyToMany} collection (a {@code List} unless {@link #asSet}) with the annotation's defaults. */
  public static RelationInfo manyToMany(String name, Class<?> target) {
    return of(name, Kind.MANY_TO_MANY, target);
  }

  private static RelationInfo of(String name, Kind kind, Class<?> target) {
    return new RelationInfo(name, kind, target, FetchType.LAZY, "", -1, false, "", true, false, false, null, null);
  }

  /** This relationship loading with {@code strategy} by default. */
  public RelationInfo fetch(FetchType strategy) {
    return new RelationInfo(name, kind, target, strategy, mappedBy, foreignKeyColumn, collectionIsSet, orderBy,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, joinTable, cacheRegion);
  }

  /** This relationship as the inverse side of the target's property {@code owningProperty}. */
  public RelationInfo mappedBy(String owningProperty) {
    return new RelationInfo(name, kind, target, fetch, owningProperty, foreignKeyColumn, collectionIsSet, orderBy,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, joinTable, cacheRegion);
  }

  /** This to-one relationship held by the foreign-key column at index {@code column} of this entity's table. */
  public RelationInfo foreignKey(int column) {
    return new RelationInfo(name, kind, target, fetch, mappedBy, column, collectionIsSet, orderBy,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, joinTable, cacheRegion);
  }

  /** This collection held in a {@code Set}. */
  public RelationInfo asSet() {
    return new RelationInfo(name, kind, target, fetch, mappedBy, foreignKeyColumn, true, orderBy,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, joinTable, cacheRegion);
  }

  /** This collection sorted by {@code sortKeys} ({@code "createdAt DESC, id"}). */
  public RelationInfo orderBy(String sortKeys) {
    return new RelationInfo(name, kind, target, fetch, mappedBy, foreignKeyColumn, collectionIsSet, sortKeys,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, joinTable, cacheRegion);
  }

  /**
   * This relationship cascading exactly {@code types} ({@code ALL} already expanded by the processor);
   * only save-update, delete and delete-orphan change what the session does.
   */
  public RelationInfo cascade(CascadeType... types) {
    List<CascadeType> declared = List.of(types);
    return new RelationInfo(name, kind, target, fetch, mappedBy, foreignKeyColumn, collectionIsSet, orderBy,
        declared.contains(CascadeType.SAVE_UPDATE), declared.contains(CascadeType.DELETE),
        declared.contains(CascadeType.DELETE_ORPHAN), joinTable, cacheRegion);
  }

  /** This owning many-to-many with its association table {@code table}. */
  public RelationInfo joinTable(Table table) {
    return new RelationInfo(name, kind, target, fetch, mappedBy, foreignKeyColumn, collectionIsSet, orderBy,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, table, cacheRegion);
  }

  /** This collection kept in the second-level cache region {@code region} ({@code @Cached}). */
  public RelationInfo cached(String region) {
    return new RelationInfo(name, kind, target, fetch, mappedBy, foreignKeyColumn, collectionIsSet, orderBy,
        cascadeSaveUpdate, cascadeDelete, deleteOrphan, joinTable, region);
  }

  /** Whether the property holds a collection. */
  public boolean toMany() {
    return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
  }
}
