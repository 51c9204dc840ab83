package dev.quarry.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The validated, immutable description of one entity: everything the writers need, nothing they
 * have to look up in the compiler's model again. Reusable by other steps (e.g. {@code @Dao} interfaces).
 *
 * @param element the entity declaration (originating element of generated files)
 * @param type the entity class
 * @param entityName name used in messages
 * @param schema schema name, or empty
 * @param table table name
 * @param columns the column properties in column order
 * @param relations the relationship properties (those with a foreign key also appear in {@code columns})
 * @param idColumns indexes into {@code columns} of the key, in key order
 * @param idClass the composite key record, or null for a single id
 * @param versionColumn index of the version column, or -1
 * @param generation how ids are generated
 * @param indexes declared indexes (column-level and table-level)
 * @param uniques declared multi- or single-column unique constraints
 * @param checks check constraints
 * @param generateDao whether to write the DAO
 * @param proxyable whether the lazy-loading subclass can be generated
 * @param callbacks lifecycle callback methods, in declaration order
 * @param validators {@code @Validates} methods, by column, in declaration order
 * @param embeddeds embedded values, in column order (their columns are in {@code columns})
 * @param computeds computed (hybrid) properties, in declaration order
 * @param inheritance the entity's place in a single-table hierarchy, or null outside one
 * @param cacheRegion the second-level cache region of its rows ({@code @Cached} on it or on its
 *     hierarchy's root), or null when they are not cached
 */
public record EntityModel(TypeElement element, ClassName type, String entityName, String schema, String table,
    List<PropertyModel> columns, List<RelationModel> relations, List<Integer> idColumns, ClassName idClass,
    int versionColumn, Generation generation, List<IndexModel> indexes, List<UniqueModel> uniques,
    List<CheckModel> checks, boolean generateDao, boolean proxyable, List<CallbackModel> callbacks,
    List<ValidatorModel> validators, List<EmbeddedModel> embeddeds, List<ComputedModel> computeds,
    InheritanceModel inheritance, String cacheRegion) {

  /** The embedded id, or null. */
  public EmbeddedModel embeddedId() {
    return embeddeds.stream().filter(EmbeddedModel::id).findFirst().orElse(null);
  }

  /** A lifecycle callback: the {@code LifecycleEvent} constant and the no-argument method to call. */
  public record CallbackModel(String event, String method) {}

  /**
   * A validator of column {@code column}: {@code method(value)}, or {@code method("property", value)}
   * when {@code passesProperty}, returns the value to store.
   *
   * @param castsResult whether the method's return type is a supertype of the property's (the two-argument
   *     form's {@code Object validate(String, Object)}), so generated code casts what it returns
   */
  public record ValidatorModel(int column, String method, boolean passesProperty, boolean castsResult) {
    /** The one-argument form, {@code T method(T value)}. */
    public ValidatorModel(int column, String method) {
      this(column, method, false, false);
    }
  }

  /**
   * Id generation.
   *
   * @param strategy ASSIGNED, IDENTITY, SEQUENCE or UUID
   * @param sequence sequence name for SEQUENCE, else null
   * @param allocationSize ids per sequence call
   */
  public record Generation(String strategy, String sequence, int allocationSize) {
    public static final Generation ASSIGNED = new Generation("ASSIGNED", null, 1);
  }

  /** An index over columns (by column name). */
  public record IndexModel(String name, List<String> columns, boolean unique) {}

  /** A unique constraint over columns (by column name). */
  public record UniqueModel(String name, List<String> columns) {}

  /** A check constraint. */
  public record CheckModel(String name, String sql) {}

  /** The {@code Q} class of this entity. */
  public ClassName metamodelType() {
    return generated(type, "Q", "");
  }

  /** The mapping class. */
  public ClassName mappingType() {
    return mappingType(type);
  }

  /** The metamodel class of an entity class. */
  public static ClassName metamodelType(ClassName entity) {
    return generated(entity, "Q", "");
  }

  /** The mapping class of an entity class. */
  public static ClassName mappingType(ClassName entity) {
    return generated(entity, "", "_Mapping");
  }

  /** The lazy-loading subclass. */
  public ClassName proxyType() {
    return generated(type, "", "_Proxy");
  }

  /** The DAO class. */
  public ClassName daoType() {
    return generated(type, "", "Dao");
  }

  /** A top-level class next to the entity; nested entities join their enclosing names with '_'. */
  private static ClassName generated(ClassName entity, String prefix, String suffix) {
    return ClassName.get(entity.packageName(), prefix + String.join("_", entity.simpleNames()) + suffix);
  }

  /** The single id property, or null for a composite key. */
  public PropertyModel singleId() {
    return idClass == null ? columns.get(idColumns.get(0)) : null;
  }

  /** The id type: the boxed single id type or the key record. */
  public TypeName idType() {
    return idClass != null ? idClass : singleId().valueType();
  }

  /** The version property, or null. */
  public PropertyModel version() {
    return versionColumn < 0 ? null : columns.get(versionColumn);
  }

  /** A builder with no relationships, constraints, callbacks, embedded values, inheritance, version or cache region. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this model's components, to derive a model that differs in a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.element = element;
    b.type = type;
    b.entityName = entityName;
    b.schema = schema;
    b.table = table;
    b.columns = columns;
    b.relations = relations;
    b.idColumns = idColumns;
    b.idClass = idClass;
    b.versionColumn = versionColumn;
    b.generation = generation;
    b.indexes = indexes;
    b.uniques = uniques;
    b.checks = checks;
    b.generateDao = generateDao;
    b.proxyable = proxyable;
    b.callbacks = callbacks;
    b.validators = validators;
    b.embeddeds = embeddeds;
    b.computeds = computeds;
    b.inheritance = inheritance;
    b.cacheRegion = cacheRegion;
    return b;
  }

  /** Names each component of a {@link EntityModel} instead of passing 22 in a row. */
  public static final class Builder {
    private TypeElement element;
    private ClassName type;
    private String entityName;
    private String schema = "";
    private String table;
    private List<PropertyModel> columns;
    private List<RelationModel> relations = List.of();
    private List<Integer> idColumns;
    private ClassName idClass;
    private int versionColumn = -1;
    private Generation generation = Generation.ASSIGNED;
    private List<IndexModel> indexes = List.of();
    private List<UniqueModel> uniques = List.of();
    private List<CheckModel> checks = List.of();
    private boolean generateDao;
    private boolean proxyable;
    private List<CallbackModel> callbacks = List.of();
    private List<ValidatorModel> validators = List.of();
    private List<EmbeddedModel> embeddeds = List.of();
    private List<ComputedModel> computeds = List.of();
    private InheritanceModel inheritance;
    private String cacheRegion;

    private Builder() {}

    public Builder element(TypeElement element) {
      this.element = element;
      return this;
    }

    public Builder type(ClassName type) {
      this.type = type;
      return this;
    }

    public Builder entityName(String entityName) {
      this.entityName = entityName;
      return this;
    }

    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    public Builder table(String table) {
      this.table = table;
      return this;
    }

    public Builder columns(List<PropertyModel> columns) {
      this.columns = columns;
      return this;
    }

    public Builder relations(List<RelationModel> relations) {
      this.relations = relations;
      return this;
    }

    public Builder idColumns(List<Integer> idColumns) {
      this.idColumns = idColumns;
      return this;
    }

    public Builder idClass(ClassName idClass) {
      this.idClass = idClass;
      return this;
    }

    public Builder versionColumn(int versionColumn) {
      this.versionColumn = versionColumn;
      return this;
    }

    public Builder generation(Generation generation) {
      this.generation = generation;
      return this;
    }

    public Builder indexes(List<IndexModel> indexes) {
      this.indexes = indexes;
      return this;
    }

    public Builder uniques(List<UniqueModel> uniques) {
      this.uniques = uniques;
      return this;
    }

    public Builder checks(List<CheckModel> checks) {
      this.checks = checks;
      return this;
    }

    public Builder generateDao(boolean generateDao) {
      this.generateDao = generateDao;
      return this;
    }

    public Builder proxyable(boolean proxyable) {
      this.proxyable = proxyable;
      return this;
    }

    public Builder callbacks(List<CallbackModel> callbacks) {
      this.callbacks = callbacks;
      return this;
    }

    public Builder validators(List<ValidatorModel> validators) {
      this.validators = validators;
      return this;
    }

    public Builder embeddeds(List<EmbeddedModel> embeddeds) {
      this.embeddeds = embeddeds;
      return this;
    }

    public Builder computeds(List<ComputedModel> computeds) {
      this.computeds = computeds;
      return this;
    }

    public Builder inheritance(InheritanceModel inheritance) {
      this.inheritance = inheritance;
      return this;
    }

    public Builder cacheRegion(String cacheRegion) {
      this.cacheRegion = cacheRegion;
      return this;
    }

    public EntityModel build() {
      return new EntityModel(element, type, entityName, schema, table, columns, relations,
          idColumns, idClass, versionColumn, generation, indexes, uniques, checks, generateDao,
          proxyable, callbacks, validators, embeddeds, computeds, inheritance, cacheRegion);
    }
  }
}
