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
 * @param cacheRegion the second-level cache region of a collection ({@code @Cached} on it), else null
 */
public record RelationModel(Kind kind, String name, Element element, TypeName type, ClassName target, String fetch,
    String mappedBy, Access access, ForeignKeyModel foreignKey, String orderBy, java.util.Set<String> cascade,
    boolean collectionIsSet, JoinTableModel joinTable, String cacheRegion) {

  /**
   * The association table of a many-to-many, declared on its owning side.
   *
   * @param name table name
   * @param ownerColumn column referencing the owning entity (a synthetic property for its type)
   * @param targetColumn column referencing the element entity
   * @param ownerTable referenced table of the owner, and its key column {@code ownerKey}
   * @param targetTable referenced table of the element, and its key column {@code targetKey}
   * @param onDelete ForeignKeyAction constant name for both foreign keys
   * @param ownerField the metamodel field of {@code ownerColumn} ({@code bookId}: the owner entity + Id)
   * @param targetField the metamodel field of {@code targetColumn} ({@code tagId}: the element entity + Id)
   */
  public record JoinTableModel(String name, PropertyModel ownerColumn, PropertyModel targetColumn,
      String ownerTable, String ownerKey, String targetTable, String targetKey, String onDelete,
      String ownerField, String targetField) {}

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
   * @param field the metamodel field of the referencing column: {@code @JoinColumn(field)}, else the
   *     property + {@code Id} ({@code authorId})
   */
  public record ForeignKeyModel(String name, String column, String targetSchema, String targetTable,
      String targetColumn, String onDelete, String onUpdate, String field) {}

  /** Whether the property holds a collection. */
  public boolean toMany() {
    return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
  }

  /** Whether access should be intercepted by the generated subclass. */
  public boolean lazy() {
    return fetch.equals("LAZY") || fetch.equals("RAISE") || fetch.equals("DYNAMIC");
  }

  /**
   * A builder with the annotations' defaults: lazy, cascading save-update, not an inverse side, no
   * foreign key, not cached.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this model's components, to derive a model that differs in a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.kind = kind;
    b.name = name;
    b.element = element;
    b.type = type;
    b.target = target;
    b.fetch = fetch;
    b.mappedBy = mappedBy;
    b.access = access;
    b.foreignKey = foreignKey;
    b.orderBy = orderBy;
    b.cascade = cascade;
    b.collectionIsSet = collectionIsSet;
    b.joinTable = joinTable;
    b.cacheRegion = cacheRegion;
    return b;
  }

  /** Names each component of a {@link RelationModel} instead of passing 14 in a row. */
  public static final class Builder {
    private Kind kind;
    private String name;
    private Element element;
    private TypeName type;
    private ClassName target;
    private String fetch = "LAZY";
    private String mappedBy = "";
    private Access access;
    private ForeignKeyModel foreignKey;
    private String orderBy = "";
    private java.util.Set<String> cascade = java.util.Set.of("SAVE_UPDATE");
    private boolean collectionIsSet;
    private JoinTableModel joinTable;
    private String cacheRegion;

    private Builder() {}

    public Builder kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder element(Element element) {
      this.element = element;
      return this;
    }

    public Builder type(TypeName type) {
      this.type = type;
      return this;
    }

    public Builder target(ClassName target) {
      this.target = target;
      return this;
    }

    public Builder fetch(String fetch) {
      this.fetch = fetch;
      return this;
    }

    public Builder mappedBy(String mappedBy) {
      this.mappedBy = mappedBy;
      return this;
    }

    public Builder access(Access access) {
      this.access = access;
      return this;
    }

    public Builder foreignKey(ForeignKeyModel foreignKey) {
      this.foreignKey = foreignKey;
      return this;
    }

    public Builder orderBy(String orderBy) {
      this.orderBy = orderBy;
      return this;
    }

    public Builder cascade(java.util.Set<String> cascade) {
      this.cascade = cascade;
      return this;
    }

    public Builder collectionIsSet(boolean collectionIsSet) {
      this.collectionIsSet = collectionIsSet;
      return this;
    }

    public Builder joinTable(JoinTableModel joinTable) {
      this.joinTable = joinTable;
      return this;
    }

    public Builder cacheRegion(String cacheRegion) {
      this.cacheRegion = cacheRegion;
      return this;
    }

    public RelationModel build() {
      return new RelationModel(kind, name, element, type, target, fetch, mappedBy, access,
          foreignKey, orderBy, cascade, collectionIsSet, joinTable, cacheRegion);
    }
  }
}
