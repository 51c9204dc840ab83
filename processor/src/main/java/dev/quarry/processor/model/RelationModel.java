package dev.quarry.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Element;

/**
 * A relationship property. Loading behaviour belongs to the session; the processor validates the
 * declaration and records what the foreign key looks like.
 *
 * @param kind which relationship annotation
 * @param name Java property name
 * @param element the declaration
 * @param type the declared type (entity or collection)
 * @param target the related entity class
 * @param fetch the default loading strategy (FetchType constant name)
 * @param mappedBy the owning property on the other side, or empty
 * @param access how generated code reaches it
 * @param foreignKey the foreign key when this side owns one, else null
 * @param orderBy sort keys of a collection, or empty
 * @param cascade CascadeType constant names declared (ALL expanded)
 * @param collectionIsSet whether a collection property is a Set
 * @param joinTable the association table of an owning many-to-many, else null
 */
public record RelationModel(Kind kind, String name, Element element, TypeName type, ClassName target, String fetch,
    String mappedBy, Access access, ForeignKeyModel foreignKey, String orderBy, java.util.Set<String> cascade,
    boolean collectionIsSet, JoinTableModel joinTable) {

  /**
   * The association table of a many-to-many, declared on its owning side.
   *
   * @param name table name
   * @param ownerColumn column referencing the owning entity (a synthetic property for its type)
   * @param targetColumn column referencing the element entity
   * @param ownerTable referenced table of the owner, and its key column {@code ownerKey}
   * @param targetTable referenced table of the element, and its key column {@code targetKey}
   * @param onDelete ForeignKeyAction constant name for both foreign keys
   */
  public record JoinTableModel(String name, PropertyModel ownerColumn, PropertyModel targetColumn,
      String ownerTable, String ownerKey, String targetTable, String targetKey, String onDelete) {}

  /** Relationship annotations. */
  public enum Kind {
    MANY_TO_ONE("@ManyToOne"),
    ONE_TO_ONE("@OneToOne"),
    ONE_TO_MANY("@OneToMany"),
    MANY_TO_MANY("@ManyToMany");

    private final String annotation;

    Kind(String annotation) {
      this.annotation = annotation;
    }

    public String annotation() {
      return annotation;
    }
  }

  /**
   * A foreign key held by this entity's table.
   *
   * @param name constraint name
   * @param column the referencing column
   * @param targetSchema referenced table's schema, or empty
   * @param targetTable referenced table
   * @param targetColumn referenced column
   * @param onDelete ForeignKeyAction constant name
   * @param onUpdate ForeignKeyAction constant name
   */
  public record ForeignKeyModel(String name, String column, String targetSchema, String targetTable,
      String targetColumn, String onDelete, String onUpdate) {}

  /** Whether the property holds a collection. */
  public boolean toMany() {
    return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
  }

  /** Whether access should be intercepted by the generated subclass. */
  public boolean lazy() {
    return fetch.equals("LAZY") || fetch.equals("RAISE") || fetch.equals("DYNAMIC");
  }
}
