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
 */
public record EntityModel(TypeElement element, ClassName type, String entityName, String schema, String table,
    List<PropertyModel> columns, List<RelationModel> relations, List<Integer> idColumns, ClassName idClass,
    int versionColumn, Generation generation, List<IndexModel> indexes, List<UniqueModel> uniques,
    List<CheckModel> checks, boolean generateDao, boolean proxyable, List<CallbackModel> callbacks,
    List<ValidatorModel> validators, List<EmbeddedModel> embeddeds, List<ComputedModel> computeds,
    InheritanceModel inheritance) {

  /** An entity without embedded values, computed properties or inheritance. */
  public EntityModel(TypeElement element, ClassName type, String entityName, String schema, String table,
      List<PropertyModel> columns, List<RelationModel> relations, List<Integer> idColumns, ClassName idClass,
      int versionColumn, Generation generation, List<IndexModel> indexes, List<UniqueModel> uniques,
      List<CheckModel> checks, boolean generateDao, boolean proxyable, List<CallbackModel> callbacks,
      List<ValidatorModel> validators) {
    this(element, type, entityName, schema, table, columns, relations, idColumns, idClass, versionColumn,
        generation, indexes, uniques, checks, generateDao, proxyable, callbacks, validators, List.of(), List.of(),
        null);
  }

  /** The embedded id, or null. */
  public EmbeddedModel embeddedId() {
    return embeddeds.stream().filter(EmbeddedModel::id).findFirst().orElse(null);
  }

  /** A lifecycle callback: the {@code LifecycleEvent} constant and the no-argument method to call. */
  public record CallbackModel(String event, String method) {}

  /** A validator of column {@code column}: {@code method(value)} returns the value to store. */
  public record ValidatorModel(int column, String method) {}

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
}
