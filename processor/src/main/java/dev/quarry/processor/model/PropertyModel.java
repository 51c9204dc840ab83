package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Element;

/**
 * One persistent property mapped to one column (plain values, and the foreign key of a
 * many-to-one or owning one-to-one reference).
 *
 * @param name Java property name
 * @param element the declaration errors are reported on (field or getter)
 * @param index position of the column in the table, from 0
 * @param type the declared Java type (possibly primitive); for references, the target entity
 * @param valueType the boxed Java type of column values (for references, the target's id type)
 * @param primitive whether the declared type is primitive
 * @param kind storage kind of column values
 * @param storage how the value is stored (enums, converters); null for plain kinds
 * @param column column options
 * @param access how generated code reaches the property
 * @param id whether it is part of the primary key
 * @param version whether it is the optimistic-lock version
 * @param defaults client-side defaults and on-update values
 * @param reference the relationship when the column is a foreign key, else null
 * @param embedded for a component column of an embedded value: the value and component, else null
 *     ({@code access} is then the component's access on the embeddable)
 */
public record PropertyModel(String name, Element element, int index, TypeName type, TypeName valueType,
    boolean primitive, ValueKind kind, Storage storage, ColumnModel column, Access access, boolean id,
    boolean version, Defaults defaults, RelationModel reference, EmbeddedRef embedded) {

  /** The embedded value a component column belongs to, and which component it is. */
  public record EmbeddedRef(EmbeddedModel owner, int component) {
    /** The dotted property path, {@code homeAddress.city}. */
    public String path() {
      return owner.name() + "." + owner.components().get(component).name();
    }

    /** Whether this is the first column of its value. */
    public boolean first() {
      return component == 0;
    }

    /** Whether this is the last column of its value. */
    public boolean last() {
      return component == owner.components().size() - 1;
    }
  }

  /**
   * Storage details beyond the value kind.
   *
   * @param enumOrdinal for enums: stored by ordinal instead of name
   * @param converter for converted types: the converter class
   * @param storedKind for converted types: kind of the stored value
   * @param comparable for converted types: whether the property type is comparable (column class)
   */
  public record Storage(boolean enumOrdinal, TypeName converter, ValueKind storedKind, boolean comparable) {}

  /**
   * Client-side values.
   *
   * @param clientDefault supplier class applied on insert when null, or null
   * @param onUpdate supplier class applied on every update, or null
   * @param createdAt set to now on insert when null
   * @param updatedAt set to now on insert when null and on every update
   */
  public record Defaults(TypeName clientDefault, TypeName onUpdate, boolean createdAt, boolean updatedAt) {
    public static final Defaults NONE = new Defaults(null, null, false, false);

    public boolean any() {
      return clientDefault != null || onUpdate != null || createdAt || updatedAt;
    }
  }

  /** Column name. */
  public String columnName() {
    return column.name();
  }

  /** A builder for a plain column property: not a key, version, reference or embedded component; no client defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this model's components, to derive a model that differs in a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.element = element;
    b.index = index;
    b.type = type;
    b.valueType = valueType;
    b.primitive = primitive;
    b.kind = kind;
    b.storage = storage;
    b.column = column;
    b.access = access;
    b.id = id;
    b.version = version;
    b.defaults = defaults;
    b.reference = reference;
    b.embedded = embedded;
    return b;
  }

  /** Names each component of a {@link PropertyModel} instead of passing 15 in a row. */
  public static final class Builder {
    private String name;
    private Element element;
    private int index;
    private TypeName type;
    private TypeName valueType;
    private boolean primitive;
    private ValueKind kind;
    private Storage storage;
    private ColumnModel column;
    private Access access;
    private boolean id;
    private boolean version;
    private Defaults defaults = Defaults.NONE;
    private RelationModel reference;
    private EmbeddedRef embedded;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder element(Element element) {
      this.element = element;
      return this;
    }

    public Builder index(int index) {
      this.index = index;
      return this;
    }

    public Builder type(TypeName type) {
      this.type = type;
      return this;
    }

    public Builder valueType(TypeName valueType) {
      this.valueType = valueType;
      return this;
    }

    public Builder primitive(boolean primitive) {
      this.primitive = primitive;
      return this;
    }

    public Builder kind(ValueKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder storage(Storage storage) {
      this.storage = storage;
      return this;
    }

    public Builder column(ColumnModel column) {
      this.column = column;
      return this;
    }

    public Builder access(Access access) {
      this.access = access;
      return this;
    }

    public Builder id(boolean id) {
      this.id = id;
      return this;
    }

    public Builder version(boolean version) {
      this.version = version;
      return this;
    }

    public Builder defaults(Defaults defaults) {
      this.defaults = defaults;
      return this;
    }

    public Builder reference(RelationModel reference) {
      this.reference = reference;
      return this;
    }

    public Builder embedded(EmbeddedRef embedded) {
      this.embedded = embedded;
      return this;
    }

    public PropertyModel build() {
      return new PropertyModel(name, element, index, type, valueType, primitive, kind, storage,
          column, access, id, version, defaults, reference, embedded);
    }
  }
}
