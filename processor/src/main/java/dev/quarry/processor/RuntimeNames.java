package dev.quarry.processor;

import com.palantir.javapoet.ClassName;

/**
 * Names of runtime types the processor reads or refers to. The processor never loads runtime
 * classes: annotations are matched by qualified name and generated code names types through these.
 */
public final class RuntimeNames {
  private RuntimeNames() {}

  public static final String ANNOTATION = "dev.quarry.annotation.";
  public static final String ENTITY = ANNOTATION + "Entity";
  public static final String TABLE = ANNOTATION + "Table";
  public static final String COLUMN = ANNOTATION + "Column";
  public static final String ID = ANNOTATION + "Id";
  public static final String ID_CLASS = ANNOTATION + "IdClass";
  public static final String GENERATED_VALUE = ANNOTATION + "GeneratedValue";
  public static final String VERSION = ANNOTATION + "Version";
  public static final String TRANSIENT = ANNOTATION + "Transient";
  public static final String ENUMERATED = ANNOTATION + "Enumerated";
  public static final String CONVERT = ANNOTATION + "Convert";
  public static final String CLIENT_DEFAULT = ANNOTATION + "ClientDefault";
  public static final String ON_UPDATE = ANNOTATION + "OnUpdate";
  public static final String CREATED_AT = ANNOTATION + "CreatedAt";
  public static final String UPDATED_AT = ANNOTATION + "UpdatedAt";
  public static final String MANY_TO_ONE = ANNOTATION + "ManyToOne";
  public static final String ONE_TO_ONE = ANNOTATION + "OneToOne";
  public static final String ONE_TO_MANY = ANNOTATION + "OneToMany";
  public static final String MANY_TO_MANY = ANNOTATION + "ManyToMany";
  public static final String JOIN_COLUMN = ANNOTATION + "JoinColumn";
  public static final String JOIN_TABLE = ANNOTATION + "JoinTable";
  public static final String EMBEDDABLE = ANNOTATION + "Embeddable";
  public static final String MAPPED_SUPERCLASS = ANNOTATION + "MappedSuperclass";
  public static final String VALIDATES = ANNOTATION + "Validates";
  /** The second-level cache region of an entity or a to-many collection. */
  public static final String CACHED = ANNOTATION + "Cached";
  // Embeddables and computed properties
  public static final String EMBEDDED = ANNOTATION + "Embedded";
  public static final String EMBEDDED_ID = ANNOTATION + "EmbeddedId";
  public static final String COMPUTED = ANNOTATION + "Computed";
  public static final ClassName SQL_EXPRESSION = ClassName.get("dev.quarry.sql", "Expression");
  public static final ClassName SQL_PREDICATE = ClassName.get("dev.quarry.sql", "Predicate");
  public static final String INHERITANCE = ANNOTATION + "Inheritance";
  public static final String DISCRIMINATOR_COLUMN = ANNOTATION + "DiscriminatorColumn";
  public static final String DISCRIMINATOR_VALUE = ANNOTATION + "DiscriminatorValue";

  /** Lifecycle callback annotations and the {@code LifecycleEvent} constant each one maps to. */
  public static final java.util.Map<String, String> CALLBACKS = java.util.Map.of(
      ANNOTATION + "BeforeInsert", "BEFORE_INSERT", ANNOTATION + "AfterInsert", "AFTER_INSERT",
      ANNOTATION + "BeforeUpdate", "BEFORE_UPDATE", ANNOTATION + "AfterUpdate", "AFTER_UPDATE",
      ANNOTATION + "BeforeDelete", "BEFORE_DELETE", ANNOTATION + "AfterDelete", "AFTER_DELETE",
      ANNOTATION + "AfterLoad", "AFTER_LOAD");

  public static final String CONVERTER = "dev.quarry.types.Converter";
  // Projections
  public static final String PROJECTION = ANNOTATION + "Projection";
  public static final ClassName ROW_PROJECTION = ClassName.get("dev.quarry.spi", "RowProjection");
  public static final ClassName PROJECTIONS = ClassName.get("dev.quarry.spi", "Projections");

  public static final ClassName SQL_TYPE = ClassName.get("dev.quarry.types", "SqlType");
  public static final ClassName SQL_TYPES = ClassName.get("dev.quarry.types", "SqlTypes");
  public static final ClassName VENDOR = ClassName.get("dev.quarry.types", "Vendor");
  public static final ClassName SQL_TABLE = ClassName.get("dev.quarry.sql", "Table");
  public static final ClassName COLUMN_SPEC = ClassName.get("dev.quarry.sql", "ColumnSpec");
  public static final ClassName SQL_COLUMN = ClassName.get("dev.quarry.sql", "Column");
  public static final ClassName REFERENTIAL_ACTION = ClassName.get("dev.quarry.sql", "ReferentialAction");
  public static final ClassName ENTITY_MAPPING = ClassName.get("dev.quarry.spi", "EntityMapping");
  public static final ClassName MAPPING_REGISTRY = ClassName.get("dev.quarry.spi", "MappingRegistry");
  public static final ClassName ENTITY_INTERCEPTOR = ClassName.get("dev.quarry.spi", "EntityInterceptor");
  public static final ClassName REFERENCE_RESOLVER = ClassName.get("dev.quarry.spi", "ReferenceResolver");
  public static final ClassName MANAGED_ENTITY = ClassName.get("dev.quarry.spi", "ManagedEntity");
  public static final ClassName ENTITY_TABLE = ClassName.get("dev.quarry.spi", "EntityTable");
  public static final ClassName LIFECYCLE_EVENT = ClassName.get("dev.quarry.spi", "LifecycleEvent");
  public static final ClassName ID_GENERATION = ClassName.get("dev.quarry.spi", "IdGeneration");
  public static final ClassName POLYMORPHISM = ClassName.get("dev.quarry.spi", "Polymorphism");
  public static final ClassName JOINED_TABLES = ClassName.get("dev.quarry.spi", "JoinedTables");
  public static final ClassName SQL_SELECT = ClassName.get("dev.quarry.sql", "Select");
  public static final ClassName ENTITY_DAO = ClassName.get("dev.quarry.orm", "EntityDao");
  public static final ClassName CONNECTABLE = ClassName.get("dev.quarry.engine", "Connectable");
  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /** The column class of a {@link dev.quarry.processor.model.ColumnKind}'s factory, in {@code dev.quarry.sql}. */
  public static ClassName sqlColumnClass(String simpleName) {
    return ClassName.get("dev.quarry.sql", simpleName);
  }
}
