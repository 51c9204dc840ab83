package dev.quarry.processor;

import java.util.Collection;

/**
 * Every message the processor reports, in one place, so that wording stays consistent and each
 * message says what is wrong and what to change.
 */
public final class Errors {
  private Errors() {}

  public static String notAClass(String kind) {
    return "@Entity must annotate a class, not " + kind + "; declare a class with an id property and a "
        + "no-argument constructor";
  }

  public static String genericEntity(String name) {
    return "entity " + name + " must not be generic: the mapping needs one concrete type per table; "
        + "remove the type parameters (or map a concrete subclass)";
  }

  public static String innerClass(String name) {
    return "entity " + name + " is a non-static inner class and cannot be instantiated on its own; "
        + "declare it 'static' or move it to its own file";
  }

  public static String privateClass(String name) {
    return "entity " + name + " is private; generated code in the same package must reach it: "
        + "make it package-private or public";
  }

  public static String abstractEntity(String name) {
    return "entity " + name + " is abstract and cannot be instantiated; remove 'abstract' or remove @Entity";
  }

  public static String noUsableConstructor(String name) {
    return "entity " + name + " has no usable no-argument constructor; add a non-private constructor without "
        + "parameters (it may be protected or package-private)";
  }

  public static String noId(String name) {
    return "entity " + name + " has no @Id property; annotate the primary-key field (or its getter) with @Id";
  }

  public static String severalIds(String name, Collection<String> ids) {
    return "entity " + name + " has several @Id properties " + ids + " but no @IdClass; add @IdClass naming a "
        + "record with the components " + ids + ", or keep a single @Id";
  }

  public static String idClassNotRecord(String idClass) {
    return "@IdClass " + idClass + " must be a record whose components match the @Id properties by name and type";
  }

  public static String idClassMismatch(String idClass, String components, String ids) {
    return "@IdClass " + idClass + " has components " + components + " but the @Id properties are " + ids
        + "; make the record's components the @Id properties, same names and types, in any order";
  }

  public static String idClassWithSingleId(String name) {
    return "entity " + name + " declares @IdClass but has a single @Id; remove @IdClass or annotate every key "
        + "property with @Id";
  }

  public static String unsupportedType(String property, String type) {
    return "property '" + property + "' has type " + type + ", which Quarry cannot store; use a supported type "
        + "(primitives and boxes, String, BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, "
        + "OffsetDateTime, Instant, UUID, byte[], an enum), add @Convert with a Converter<" + type + ", ...> "
        + "(or register one for every property of the type with @AutoApply), store it as JSON with @Json, "
        + "or mark it @Transient";
  }

  public static String privateWithoutAccessors(String property, String missing) {
    return "field '" + property + "' is private and has no " + missing + "; make the field non-private or add "
        + "a non-private getter and setter (or mark it @Transient)";
  }

  public static String unmappedSuperclass(String entity, String superclass, Collection<String> fields,
      boolean superIsEntity) {
    String fix = superIsEntity
        ? "entity inheritance is not supported; replace @Entity on " + superclass + " with @MappedSuperclass"
        : "annotate " + superclass + " with @MappedSuperclass to map them as columns of " + entity
            + ", or mark them 'transient' or @Transient";
    return entity + " extends " + superclass + ", which declares fields " + fields
        + " but is not a @MappedSuperclass; " + fix;
  }

  public static String finalField(String property) {
    return "field '" + property + "' is final and cannot be set when rows are read; remove 'final' or mark it "
        + "@Transient";
  }

  public static String duplicateColumn(String column, String property, String other) {
    return "column '" + column + "' of property '" + property + "' is already used by property '" + other
        + "'; give one of them another name with @Column(name = ...)";
  }

  public static String duplicateTable(String table, String other) {
    return "table '" + table + "' is already mapped by entity " + other + "; choose another name with "
        + "@Table(name = ...)";
  }

  public static String versionType(String property, String type) {
    return "@Version property '" + property + "' has type " + type + "; use int, long, short (or their boxes), "
        + "Instant or LocalDateTime";
  }

  public static String severalVersions(String name) {
    return "entity " + name + " has more than one @Version property; keep one";
  }

  public static String versionOnId(String property) {
    return "property '" + property + "' cannot be both @Id and @Version; use a separate version property";
  }

  public static String converterNotConverter(String converter) {
    return "@Convert names " + converter + ", which does not implement dev.quarry.types.Converter<J, D>; "
        + "implement Converter with J the property type and D a supported column type";
  }

  public static String converterPropertyType(String converter, String converterType, String property,
      String propertyType) {
    return "converter " + converter + " converts " + converterType + " but property '" + property + "' has type "
        + propertyType + "; use a Converter<" + propertyType + ", ...> or change the property type";
  }

  public static String converterColumnType(String converter, String columnType) {
    return "converter " + converter + " stores values as " + columnType + ", which is not a supported column type; "
        + "convert to String, a number, a date/time type, UUID, Boolean or byte[]";
  }

  public static String converterGeneric(String property, String type) {
    return "property '" + property + "' has the parameterized type " + type + ", which a converter cannot "
        + "name with a class literal; wrap it in a non-generic class and convert that";
  }

  public static String noPublicConstructor(String annotation, String type) {
    return annotation + " class " + type + " needs a public no-argument constructor so generated code can "
        + "create it; add one (and make the class public and static if it is nested)";
  }

  public static String supplierType(String annotation, String supplier, String supplied, String property,
      String propertyType) {
    return annotation + " supplier " + supplier + " supplies " + supplied + " but property '" + property
        + "' has type " + propertyType + "; use a Supplier<" + propertyType + ">";
  }

  public static String defaultOnPrimitive(String annotation, String property) {
    return annotation + " on primitive property '" + property + "' never applies because it is never null; "
        + "use the boxed type";
  }

  public static String storageFormatNotTemporal(String property, String type) {
    return "@Column(storageFormat) is for date and time properties, but '" + property + "' has type " + type
        + "; remove storageFormat (or use a @Convert converter for other stored text)";
  }

  public static String badStorageFormat(String property, String pattern, String problem) {
    return "@Column(storageFormat = \"" + pattern + "\") of '" + property + "' " + problem
        + "; use a java.time.format.DateTimeFormatter pattern such as \"yyyy-MM-dd HH:mm:ss\"";
  }

  public static String timestampType(String annotation, String property, String type) {
    return annotation + " property '" + property + "' has type " + type + "; use Instant, LocalDateTime, "
        + "OffsetDateTime or LocalDate";
  }

  public static String unknownIndexColumn(String what, String name, String column, Collection<String> known) {
    return what + " " + name + " names column '" + column + "', which this entity does not have; use one of "
        + known + " (column or property names)";
  }

  public static String emptyIndex(String what) {
    return what + " needs at least one column";
  }

  public static String generatedValueType(String strategy, String property, String type) {
    String needed = strategy.equals("UUID") ? "java.util.UUID" : "long, int, short or their boxes";
    return "@GeneratedValue(strategy = " + strategy + ") on '" + property + "' of type " + type + " needs "
        + needed + "; change the type or the strategy";
  }

  public static String generatedValueNotId(String property) {
    return "@GeneratedValue on '" + property + "' applies only to an @Id property; add @Id or remove it";
  }

  public static String generatedValueComposite(String property) {
    return "@GeneratedValue on '" + property + "' cannot be used with a composite key; assign the key "
        + "components yourself";
  }

  public static String allocationSize(int size) {
    return "allocationSize must be at least 1, got " + size;
  }

  public static String relationshipTargetNotEntity(String annotation, String property, String target) {
    return annotation + " property '" + property + "' refers to " + target + ", which is not an @Entity; "
        + "annotate " + target + " with @Entity or map the property as a plain column";
  }

  public static String relationshipNotCollection(String annotation, String property, String type) {
    return annotation + " property '" + property + "' has type " + type + "; use List<E>, Set<E> or "
        + "Collection<E> of an entity type E";
  }

  public static String relationshipCollectionClass(String annotation, String property, String type) {
    return annotation + " property '" + property + "' is declared as " + type + "; declare it as List<E>, Set<E> "
        + "or Collection<E>: the session puts its own collection there, which keeps the other side in step";
  }

  public static String mappedByMissing(String annotation, String property, String mappedBy, String target) {
    return annotation + "(mappedBy = \"" + mappedBy + "\") on '" + property + "': " + target
        + " has no field or property '" + mappedBy + "'; name the property of " + target
        + " that refers back to this entity";
  }

  public static String mappedByWrongType(String annotation, String property, String mappedBy, String target,
      String expected, String actual) {
    return annotation + "(mappedBy = \"" + mappedBy + "\") on '" + property + "': " + target + "." + mappedBy
        + " is " + actual + " but must be " + expected + "; point mappedBy at the property that refers back "
        + "to this entity";
  }

  public static String lazyOnFinalClass(String annotation, String fetch, String property, String entity) {
    return annotation + "(fetch = " + fetch + ") on '" + property + "' needs a subclassable entity, but "
        + entity + " is final; remove 'final' from " + entity + " or choose fetch = JOINED or SELECTIN";
  }

  public static String lazyWithoutGetter(String annotation, String fetch, String property) {
    return annotation + "(fetch = " + fetch + ") on '" + property + "' needs an overridable getter so access "
        + "can be intercepted; add a non-final, non-private getter for '" + property
        + "' or choose fetch = JOINED or SELECTIN";
  }

  public static String dynamicOnReference(String annotation, String property) {
    return annotation + "(fetch = DYNAMIC) on '" + property + "': DYNAMIC gives a query over a collection; a "
        + "single reference has nothing to filter or page. Use LAZY, JOINED or SELECTIN";
  }

  public static String manyToManyWithoutJoinTable(String property, String suggestion) {
    return "@ManyToMany on '" + property + "' owns the association but names no association table; add "
        + "@JoinTable(name = \"" + suggestion + "\") or, on the other side's collection, mappedBy";
  }

  public static String compositeTarget(String annotation, String property, String target) {
    return annotation + " property '" + property + "' refers to " + target + ", which has a composite key; "
        + "references to composite keys are not supported yet: map the key columns as plain properties";
  }

  public static String severalRelationships(String property) {
    return "property '" + property + "' has more than one relationship annotation; keep one";
  }

  public static String relationshipAsId(String property) {
    return "relationship property '" + property + "' cannot be an @Id; map the key column as a plain property";
  }

  public static String recordEntity(String name) {
    return "entity " + name + " is a record; records are supported as @IdClass keys, not yet as entities; "
        + "declare a class with fields";
  }

  public static String unresolvedTypes(String name) {
    return "entity " + name + " refers to types that do not exist; fix the missing types (they may come from "
        + "another annotation processor that did not run)";
  }

  public static String unexpected(String name, Throwable t) {
    return "Quarry could not process " + name + " (" + t + "); this is a bug in the processor, please report it "
        + "with this declaration";
  }

  public static String callbackSignature(String annotation, String method) {
    return annotation + " method " + method + "() must be non-private, non-static and take no parameters so "
        + "generated code can call it; change its declaration";
  }

  public static String validatesUnknownProperty(String method, String property, Collection<String> known) {
    return "@Validates on " + method + " names property '" + property + "', which is not a column of this "
        + "entity; use one of " + known;
  }

  public static String validatesSignature(String method, String property, String type) {
    return "@Validates method " + method + " must be non-private and non-static, take one " + type
        + " parameter (the new value of '" + property + "') and return " + type + "; change its declaration";
  }

  // ---- Embeddables and computed (hybrid) properties ----

  public static String embeddedNotEmbeddable(String annotation, String property, String type) {
    return annotation + " property '" + property + "' has type " + type + ", which is not an @Embeddable; "
        + "annotate " + type + " with @Embeddable (a record or a class with a no-argument constructor)";
  }

  public static String embeddableShape(String type, String problem) {
    return "@Embeddable " + type + " " + problem;
  }

  public static String embeddableNoConstructor(String type) {
    return "@Embeddable class " + type + " has no no-argument constructor that generated code can call; add a "
        + "public (or, in the same package, package-private) constructor without parameters, or make it a record";
  }

  public static String embeddableNoComponents(String type) {
    return "@Embeddable " + type + " has no persistent components; add fields (or record components) to store";
  }

  public static String embeddableUnreachable(String type, String component) {
    return "component '" + component + "' of @Embeddable " + type + " cannot be reached from the entity's "
        + "package; make the field public or add a public getter and setter";
  }

  public static String embeddableFinalField(String type, String component) {
    return "field '" + component + "' of @Embeddable class " + type + " is final and cannot be set when rows "
        + "are read; remove 'final', or make " + type + " a record";
  }

  public static String embeddableAnnotation(String annotation, String type, String component) {
    return annotation + " is not supported inside @Embeddable " + type + " (on '" + component + "'); "
        + "remove it, or map '" + component + "' as a property of the entity";
  }

  public static String nestedEmbeddable(String type, String component) {
    return "component '" + component + "' of @Embeddable " + type + " is itself embeddable; nested embeddables "
        + "are not supported: flatten its components into " + type;
  }

  public static String embeddedAnnotation(String annotation, String property) {
    return annotation + " cannot be used on embedded property '" + property + "'; put column options on the "
        + "embeddable's components and choose column names with @Embedded(prefix = ...)";
  }

  public static String embeddedColumnClash(String column, String path, String other, String suggestion) {
    return "column '" + column + "' of embedded '" + path + "' is already used by '" + other
        + "'; give the embedded property another prefix, e.g. @Embedded(prefix = \"" + suggestion + "\")";
  }

  public static String embeddedIdWithIds(String property, java.util.Collection<String> others) {
    return "@EmbeddedId '" + property + "' is the whole key, but " + others + " are also @Id; remove @Id from "
        + "them (or from '" + property + "' and use @IdClass)";
  }

  public static String embeddedIdWithIdClass(String property) {
    return "entity declares both @IdClass and @EmbeddedId '" + property + "'; keep one way of declaring the key";
  }

  public static String severalEmbeddedIds(String property) {
    return "second @EmbeddedId '" + property + "'; an entity has one key, keep one";
  }

  public static String embeddedIdGenerated(String property) {
    return "@EmbeddedId '" + property + "' cannot use @GeneratedValue; assign the key components yourself";
  }

  public static String embeddedIdEquality(String property, String type) {
    return "@EmbeddedId '" + property + "' has type " + type + ", a class without equals(Object) and hashCode(); "
        + "keys are compared by value (identity map, findById), so implement both or make " + type + " a record";
  }

  public static String computedNotGetter(String method) {
    return "@Computed method " + method + "() is not a getter; put @Computed on a non-static, parameterless "
        + "getX()/isX() method that computes the value in Java";
  }

  public static String computedWithoutExpression(String property, String method, String suggestion) {
    return "computed property '" + property + "' has no SQL expression: the entity declares no static method "
        + method + "; add " + suggestion + " (or name an existing method with @Computed(expression = ...))";
  }

  public static String computedExpressionSignature(String property, String method, String expected) {
    return "expression method " + method + " of computed property '" + property + "' must be " + expected
        + "; change its declaration";
  }

  public static String computedExpressionType(String property, String method, String returned, String type,
      String suggestion) {
    return "expression method " + method + " of computed property '" + property + "' returns " + returned
        + ", which is not an Expression of the getter's type " + type + "; return " + suggestion;
  }

  public static String computedClash(String property, String what) {
    return "computed property '" + property + "' clashes with " + what + "; rename the getter (or mark the "
        + "other property @Transient)";
  }

  // --- custom types: global converters, enums, JSON (issue 6, item 4) ---------------------------

  public static String globalNotConverter(String annotation, String type) {
    return annotation + " names " + type + ", which does not implement dev.quarry.types.Converter<J, D>; "
        + "implement Converter with J the Java type to convert and D a supported column type";
  }

  public static String globalNotConcrete(String annotation, String converter, String javaType) {
    return annotation + " converter " + converter + " converts " + javaType + ", which is not one concrete class; "
        + "a global converter applies by type, so declare it for a non-generic class (e.g. "
        + "Converter<Money, String>) or use @Convert on the properties instead";
  }

  public static String globalForNativeType(String annotation, String converter, String javaType) {
    return annotation + " converter " + converter + " converts " + javaType + ", which Quarry stores natively; "
        + "a global converter would change every " + javaType + " column: remove it from " + annotation
        + " and put @Convert(" + converter.substring(converter.lastIndexOf('.') + 1)
        + ".class) on the properties that need it";
  }

  public static String duplicateGlobalConverter(String javaType, String first, String second) {
    return "two global converters for " + javaType + ": " + first + " and " + second + "; keep one global "
        + "converter per type (remove @AutoApply or the @Converters entry of the other and use @Convert where "
        + "it is needed)";
  }

  public static String convertWithJson(String property) {
    return "property '" + property + "' has both @Convert and @Json; keep @Json to store it as a JSON document "
        + "or @Convert to store it through the converter";
  }

  public static String enumeratedWith(String property, String other) {
    return "property '" + property + "' has both @Enumerated and " + other + "; " + other + " decides the "
        + "storage, so remove @Enumerated";
  }

  public static String enumeratedNotEnum(String property, String type) {
    return "@Enumerated on property '" + property + "' of type " + type + ", which is not an enum; remove "
        + "@Enumerated (it applies only to enum properties)";
  }

  public static String jsonPrimitive(String property, String type) {
    return "@Json on property '" + property + "' of primitive type " + type + ": a JSON column may hold null, "
        + "which a primitive cannot; store it as a plain column (remove @Json) or use a record, collection or "
        + "map type";
  }

  public static String jsonTypeVariable(String property, String type) {
    return "@Json property '" + property + "' has type " + type + ", which is not known at compile time; "
        + "Jackson needs the concrete type to read the document back: declare a concrete type";
  }

  public static String jsonAbstract(String property, String type) {
    return "@Json property '" + property + "' has the abstract type " + type + ", which Jackson cannot create "
        + "when reading; declare a concrete class or record, or annotate " + type + " with Jackson's "
        + "@JsonTypeInfo/@JsonSubTypes (or @JsonDeserialize(as = ...))";
  }

  public static String jsonId(String property) {
    return "@Json property '" + property + "' cannot be an @Id; a JSON document is no key: map the key as a "
        + "plain column";
  }

  public static String jsonWithoutJackson(String property) {
    return "@Json on property '" + property + "' needs Jackson, which is not on the class path; add the "
        + "dependency com.fasterxml.jackson.core:jackson-databind";
  }
  // --- end of custom types ----------------------------------------------------------------------

  // --- inheritance (single-table hierarchies) -------------------------------------------------

  public static String embeddedInSubclass(String property) {
    return "embedded value '" + property + "' is declared in a subclass of an inheritance hierarchy, which is not "
        + "supported; declare it on the hierarchy's root, or store its fields as plain columns of the subclass";
  }

  public static String subclassWithoutInheritance(String entity, String root) {
    return "entity " + entity + " extends entity " + root + ", but " + root + " has no @Inheritance; annotate "
        + root + " with @Inheritance(strategy = InheritanceType.SINGLE_TABLE) to map the hierarchy in one table, "
        + "or replace @Entity on " + root + " with @MappedSuperclass to copy its columns into " + entity;
  }

  public static String inheritanceOnSubclass(String entity, String root) {
    return "@Inheritance belongs on the root of the hierarchy, " + root + ", not on " + entity
        + ", which extends it; remove it here";
  }

  public static String discriminatorColumnOnSubclass(String entity, String root) {
    return "@DiscriminatorColumn belongs on the root of the hierarchy, " + root + ", not on " + entity
        + "; move it to " + root;
  }

  public static String discriminatorWithoutHierarchy(String annotation, String entity) {
    return annotation + " on " + entity + " has no effect: " + entity + " is not part of an entity hierarchy; "
        + "add @Inheritance to it (the root) or to the @Entity it extends, or remove " + annotation;
  }

  public static String tableOnSubclass(String entity, String root, String table) {
    return entity + " is stored in the table of " + root + " ('" + table + "', single-table inheritance) and "
        + "cannot declare @Table; remove it, and declare indexes and constraints on " + root + "'s @Table";
  }

  public static String rootOnlyOnSubclass(String annotation, String entity, String property, String root) {
    return annotation + " on " + entity + "." + property + ": the key and version of a hierarchy are declared "
        + "once, on its root " + root + "; remove " + annotation + " here (" + entity + " inherits them from "
        + root + ")";
  }

  public static String idClassOnSubclass(String entity, String root) {
    return "@IdClass on " + entity + ": the key of a hierarchy is declared once, on its root " + root
        + "; remove it here";
  }

  public static String duplicateDiscriminator(String entity, String value, String other) {
    return "discriminator value '" + value + "' of " + entity + " is already the value of " + other
        + " in the same hierarchy; give one of them another @DiscriminatorValue";
  }

  public static String badDiscriminator(String entity, String value, int length, String column) {
    return "discriminator value '" + value + "' of " + entity + " must be 1 to " + length + " characters long "
        + "to fit column '" + column + "'; shorten it with @DiscriminatorValue or raise "
        + "@DiscriminatorColumn(length) on the root";
  }

  public static String discriminatorClash(String column, String property, String root) {
    return "column '" + column + "' of property '" + property + "' is the discriminator column of the hierarchy "
        + "of " + root + ", which Quarry writes itself; rename the property's column with @Column(name = ...), "
        + "or name the discriminator otherwise with @DiscriminatorColumn(name = ...) on " + root
        + " (the discriminator is readable in queries as a metamodel column)";
  }

  public static String siblingColumnClash(String column, String property, String entity, String other) {
    return "column '" + column + "' of " + entity + "." + property + " is also a column of " + other
        + " in the same single table; give one of them another name with @Column(name = ...)";
  }

  public static String notNullSubclassColumn(String entity, String property) {
    return "column of " + entity + "." + property + " cannot be NOT NULL: in single-table inheritance the rows of "
        + "other classes of the hierarchy leave it NULL; remove nullable = false (Quarry makes subclass columns "
        + "nullable) and check the value in Java, e.g. with @Validates";
  }

  // --- inheritance (joined tables) --------------------------------------------------------------

  public static String joinedTableClash(String entity, String table, String other) {
    return entity + " would store its columns in table '" + table + "', which is already the table of " + other
        + " in the same joined hierarchy (each class of InheritanceType.JOINED has its own table); give " + entity
        + " another table with @Table(name = ...)";
  }

  public static String joinedSchema(String entity, String schema, String root, String rootSchema) {
    return "the table of " + entity + " cannot be in schema '" + schema + "': the tables of a joined hierarchy "
        + "live in the schema of its root " + root + " (" + (rootSchema.isEmpty() ? "the default schema"
        : "'" + rootSchema + "'") + "); remove schema here, or set it on " + root + "'s @Table";
  }

  public static String joinedTableConstraints(String entity, String member, String root) {
    return "@Table(" + member + ") on " + entity + " is not supported in a joined hierarchy; declare single-column "
        + "indexes and unique constraints with @Column(index = true, unique = true) on the property, or table "
        + "constraints on " + root + "'s @Table";
  }

  // --- second-level cache (@Cached) -------------------------------------------------------------

  /** {@code @Cached} with an empty or blank region name. */
  public static String cachedBlankRegion(String where) {
    return "@Cached on " + where + " names no cache region; give it a region name, e.g. @Cached(\"books\")";
  }

  /** {@code @Cached} on a subclass of a hierarchy whose root does not carry the same region. */
  public static String cachedOnSubclass(String entity, String region, String root, String rootRegion) {
    return "@Cached(\"" + region + "\") on " + entity + ", a subclass of " + root + ": "
        + (rootRegion == null ? "" : root + " is already cached in region '" + rootRegion + "'; ")
        + "put @Cached on the root " + root + "; a hierarchy shares one region (all its classes share one "
        + "identity), and " + entity + " inherits it; remove @Cached here";
  }

  /** {@code @Cached} on a {@code @MappedSuperclass} or {@code @Embeddable}. */
  public static String cachedNotEntity(String annotation, String type) {
    return "@Cached on " + annotation + " " + type + " has no effect: only entity rows and to-many collections "
        + "are cached; remove it, and put @Cached on each entity (hierarchy root) that should be cached";
  }

  /** {@code @Cached} on a {@code @ManyToOne} or {@code @OneToOne} reference. */
  public static String cachedToOne(String annotation, String property, String target) {
    return "@Cached on " + annotation + " '" + property + "': a to-one reference is served from its target's "
        + "cache; put @Cached on the entity " + target + " instead";
  }

  /** {@code @Cached} on a column, embedded, transient or other non-collection member of an entity. */
  public static String cachedNotCollection(String member, String entity) {
    return "@Cached on '" + member + "' has no effect: only an entity class or a @OneToMany/@ManyToMany "
        + "collection is cached (a column is cached with its row); remove it, or put @Cached on the entity "
        + entity;
  }

  // --- modules ----------------------------------------------------------------------------------

  public static String registryNotProvided(String module, String line, boolean replace) {
    return "module " + module + " does not provide Quarry's generated mapping registry, and ServiceLoader finds a "
        + "named module's services only through its provides directives (it ignores META-INF/services): "
        + (replace ? "replace the provides directive of dev.quarry.spi.MappingRegistry in module-info.java with: "
            : "add this line to module-info.java: ") + line;
  }

  // Query catalog -------------------------------------------------------------------------------

  public static String unknownDialect(String name, String option, Collection<String> valid) {
    return "unknown dialect '" + name + "' in processor option " + option + "; the valid names are "
        + String.join(", ", valid) + ", comma-separated (e.g. -A" + option + "=postgresql,h2)";
  }

  public static String noDialect(String option, Collection<String> valid) {
    return "processor option " + option + " names no dialect; give one or more of " + String.join(", ", valid)
        + ", comma-separated, or remove the option for the default";
  }

  public static String declaredTableNoName() {
    return "@QueryTable needs a table name: name = \"the_view\" (or \"schema.the_view\")";
  }

  public static String declaredTableNoColumns(String table) {
    return "@QueryTable '" + table + "' declares no columns; list them with columns = {@QueryColumn(name = ..., "
        + "type = ...), ...} in the order the database has them";
  }

  public static String declaredTableClash(String table, String mappedBy) {
    return "@QueryTable '" + table + "' names a table already mapped by " + mappedBy + ", whose columns the "
        + "checker knows; remove this @QueryTable, or name a table no entity maps";
  }

  public static String declaredTableTwice(String table) {
    return "table '" + table + "' is declared by more than one @QueryTable for these queries; keep one declaration";
  }

  public static String declaredColumnNoName(String table) {
    return "a @QueryColumn of @QueryTable '" + table + "' has no name; give name = \"the_column\"";
  }

  public static String declaredColumnTwice(String table, String column) {
    return "@QueryTable '" + table + "' declares column '" + column + "' twice (column names ignore case); "
        + "remove one or rename it";
  }

  public static String declaredColumnType(String table, String column, String type) {
    return "column '" + column + "' of @QueryTable '" + table + "' cannot have type " + type + "; use a type an "
        + "entity column reads as: a primitive or its box, String, BigDecimal, BigInteger, LocalDate, LocalTime, "
        + "LocalDateTime, OffsetDateTime, Instant, UUID, byte[] or an enum (for a converted or JSON value, the "
        + "type stored in the database, e.g. String)";
  }

  public static String tableResourceNotWritten(String path, String reason) {
    return "could not write " + path + " (the table description other modules' @Query checks read): " + reason;
  }

  // @Dao interfaces ----------------------------------------------------------------------------

  public static String daoNotAbstract(String type) {
    return "@Dao must annotate an interface or an abstract class, not " + type + "; declare 'interface "
        + type + "' (its implementation " + type + "_Impl is generated)";
  }

  public static String daoGeneric(String type) {
    return "@Dao " + type + " must not be generic: its implementation is one concrete class; remove the type parameters";
  }

  public static String daoPrivate(String type) {
    return "@Dao " + type + " is private (or a non-static inner class); its generated implementation in the same "
        + "package must extend it: make it package-private or public, and static when nested";
  }

  public static String daoNoConstructor(String type) {
    return "abstract @Dao class " + type + " needs a constructor without parameters that its generated "
        + "implementation can call; add 'protected " + type + "() {}'";
  }

  public static String daoGenericMethod(String method) {
    return "@Dao method " + method + " must not declare type parameters: the generated query reads one type; "
        + "remove them";
  }

  public static String daoNotAQuery(String method) {
    return "@Dao method " + method + " is neither annotated @Query nor a derived finder (findBy…, findAllBy…, "
        + "findFirstBy…, findTop10By…, countBy…, existsBy…, deleteBy…); annotate it with @Query(\"SELECT …\") "
        + "or rename it";
  }

  public static String daoUnsupportedPrefix(String method, String keyword) {
    return "'" + keyword + "' in " + method + " is not supported by derived finders; use findBy…, findAllBy…, "
        + "findFirstBy…, findTopNBy…, countBy…, existsBy… or deleteBy…, or write the query with @Query";
  }

  public static String daoUnknownProperty(String method, String property, String entity, String suggestion) {
    return method + " refers to property '" + property + "', which " + entity + " does not have"
        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?") + " (properties: the entity's mapped "
        + "fields, embedded ones as homeAddressCity)";
  }

  public static String daoUnsupportedKeyword(String method, String keyword) {
    return "keyword '" + keyword + "' in " + method + " is not supported by derived finders (supported: Is, Equals, "
        + "Not, LessThan, LessThanEqual, GreaterThan, GreaterThanEqual, Between, In, NotIn, IsNull, IsNotNull, Like, "
        + "NotLike, StartingWith, EndingWith, Containing, IgnoreCase, True, False, Before, After); use @Query";
  }

  public static String daoEmptyCondition(String method) {
    return method + " has an empty condition (an 'And' or 'Or' with nothing beside it, or 'By' with no property); "
        + "name a property, e.g. findByEmail";
  }

  public static String daoOperatorNeedsType(String method, String property, String keyword, String type,
      String needed) {
    return "'" + keyword + "' in " + method + " needs " + needed + " property, but '" + property + "' is " + type
        + "; compare it with Is, Not, In or IsNull instead";
  }

  public static String daoIgnoreCaseNotString(String method, String property, String type) {
    return "IgnoreCase in " + method + " applies to String properties, but '" + property + "' is " + type
        + "; remove IgnoreCase";
  }

  public static String daoMissingParameter(String method, String property, String keyword, String type) {
    return method + " needs a parameter of type " + type + " for '" + property + "' (" + keyword
        + "); add it to the method's parameters, in the order of the conditions";
  }

  public static String daoExtraParameter(String method, String parameter) {
    return "parameter '" + parameter + "' of " + method + " is not used by any condition of the method's name; "
        + "remove it or add a condition such as ...And" + Naming.capitalize(parameter);
  }

  public static String daoParameterType(String method, String parameter, String actual, String property,
      String expected) {
    return "parameter '" + parameter + "' of " + method + " is " + actual + ", but '" + property + "' needs "
        + expected + "; change the parameter's type";
  }

  public static String daoDropIfNullPrimitive(String method, String parameter, String type) {
    return "@DropIfNull on parameter '" + parameter + "' of " + method + " has no effect: " + type
        + " is never null; declare it as " + boxedName(type);
  }

  public static String daoDropIfNullNotHere(String method, String parameter, String why) {
    return "@DropIfNull on parameter '" + parameter + "' of " + method + " is not supported: " + why;
  }

  private static String boxedName(String primitive) {
    return switch (primitive) {
      case "int" -> "Integer";
      case "char" -> "Character";
      default -> Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
    };
  }

  public static String daoUnknownOrderProperty(String method, String property, String entity, String suggestion) {
    return "OrderBy in " + method + " names property '" + property + "', which " + entity + " does not have"
        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
        + " (write OrderByNameAsc, OrderByNameDescAgeAsc)";
  }

  public static String daoNoEntity(String method, String dao) {
    return "cannot tell which entity " + method + " is about: its return type names none; declare it on the "
        + "interface with @Dao(entity = User.class) on " + dao;
  }

  public static String daoNotAnEntity(String method, String type) {
    return method + " is a derived finder, which returns entities, but " + type + " is not an @Entity of this "
        + "compilation; return the entity (E, Optional<E>, List<E> or Stream<E>), or write the query with @Query "
        + "to read records or single values";
  }

  public static String daoReturnType(String method, String subject, String allowed) {
    return method + " (" + subject + ") must return " + allowed + "; change its return type";
  }

  public static String daoBadLimit(String method) {
    return "the number in " + method + " must be a positive integer, as in findFirst3By… or findTop10By…";
  }

  public static String daoOrderInCountOrDelete(String method) {
    return "OrderBy in " + method + " has no effect on a count, an existence check or a delete; remove it";
  }

  public static String daoQueryNote(String method, String reason) {
    return "the SQL of " + method + " is not checked (@SkipQueryVerification" + (reason.isEmpty() ? "" : ": "
        + reason) + "): tables, columns, parameter types and result columns are trusted as written and fail only "
        + "when it runs";
  }

  public static String daoCheckerFailed(String method, Throwable ex) {
    return "could not check the SQL of " + method + ": the query checker failed with " + ex.getClass().getName()
        + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + "; please report it with the query, and "
        + "meanwhile annotate the method with @SkipQueryVerification";
  }

  public static String daoQueryEmpty(String method) {
    return "@Query of " + method + " has no SQL; write the statement, e.g. @Query(\"SELECT * FROM users WHERE id = :id\")";
  }

  public static String daoMissingColumnForComponent(String method, String record, String component,
      java.util.List<String> columns) {
    return "record " + record + " returned by " + method + " has component '" + component + "' but the query's "
        + "result has no column of that name (columns: " + String.join(", ", columns) + "); select it, with "
        + "'AS " + component + "' if it has another name";
  }

  public static String daoColumnWithoutComponent(String method, String record, String column) {
    return "the result of " + method + " has column '" + column + "' but record " + record + " has no component "
        + "of that name; add the component, rename the column with AS, or do not select it";
  }

  public static String daoComponentType(String method, String record, String component, String type, String column,
      String columnType) {
    return "component '" + component + "' of record " + record + " is " + type + " but column '" + column
        + "' of the result of " + method + " reads as " + columnType + "; change the component's type";
  }

  public static String daoNullableIntoPrimitive(String method, String target, String column) {
    return "column '" + column + "' of the result of " + method + " may be NULL but " + target
        + " is primitive; use the boxed type, or make the column NOT NULL (or COALESCE it)";
  }

  public static String daoMissingEntityColumn(String method, String entity, String column) {
    return method + " returns " + entity + " but its result has no column '" + column + "' of " + entity
        + "'s table; select every column of the entity (SELECT * or SELECT t.*)";
  }

  public static String daoScalarColumns(String method, String type, int count) {
    return method + " returns " + type + " but its result has " + count + " columns; select one column, or "
        + "return a record with a component per column";
  }

  public static String daoQueryReturnType(String method, String kind, String allowed) {
    return method + " runs " + kind + " and must return " + allowed + "; change its return type";
  }

  public static String daoUnreadableType(String method, String type) {
    return method + " returns " + type + ", which a query result cannot be read into: return an entity, a record "
        + "(one component per column), or a single value (String, Long, an enum, ...), possibly in Optional, "
        + "List or Stream";
  }

  public static String daoNoMetamodel(String method, String entity, String metamodel) {
    return method + " needs entity " + entity + ", whose metamodel " + metamodel + " is neither generated by "
        + "this compilation nor on its class path; if " + entity + " is compiled elsewhere, compile it with the "
        + "Quarry processor and put its classes (or jar) on this compilation's class path";
  }

  public static String daoPageParameters(String method, String type, String found) {
    return method + " returns " + type + ", so its last two parameters must be the page number (from 1) and "
        + "the page size, both int, but it has " + found + "; end its parameters with 'int page, int size'";
  }

  public static String daoPageWithLimit(String method, String modifier) {
    return method + " returns a Page, whose size the 'size' parameter sets, but '" + modifier + "' in its name "
        + "limits the rows too; remove '" + modifier + "' (findBy…) or return a List";
  }

  public static String daoPageQueryLimit(String method, String keyword) {
    return "the SQL of " + method + " ends with its own " + keyword + ", but a method returning a Page gets "
        + "LIMIT and OFFSET from its page and size parameters; remove the " + keyword + " clause, or return a List";
  }

  public static String daoPageNotHere(String method, String why) {
    return method + " cannot return a Page: " + why;
  }

  // Projections

  public static String projectionNotRecord(String name, String kind) {
    return "@Projection must annotate a record, but " + name + " is " + kind + "; declare it as "
        + "'record " + name + "(...)' (its canonical constructor builds each row)";
  }

  public static String projectionGeneric(String name) {
    return "projection record " + name + " must not be generic: its generated reader needs the component types; "
        + "remove the type parameters";
  }

  public static String projectionPrivate(String name, String privateType) {
    return "projection record " + name + " cannot be read by its generated reader in the same package because "
        + (name.equals(privateType) ? "it is private" : "it is nested in private " + privateType)
        + "; make it package-private or public";
  }

  public static String projectionEmpty(String name) {
    return "projection record " + name + " has no components; declare the columns to read as components";
  }

  public static String projectionUnsupportedType(String record, String component, String type) {
    return "component '" + component + "' of projection record " + record + " has type " + type + ", which Quarry "
        + "cannot read from a column; use a supported type (primitives and boxes, String, BigDecimal, BigInteger, "
        + "LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[], an enum), add @Convert "
        + "with a Converter<" + type + ", ...> (or register one with @AutoApply), or read it as JSON with @Json";
  }

  public static String projectionUnresolvedTypes(String name) {
    return "projection record " + name + " refers to types that do not exist; fix the missing types (they may "
        + "come from another annotation processor that did not run)";
  }

  // Names and validators

  public static String foreignKeyFieldNotIdentifier(String property, String field) {
    return "@JoinColumn(field = \"" + field + "\") on '" + property + "' is not a Java identifier, so it cannot name "
        + "the foreign key's field in the metamodel; use a name such as " + property + "Id";
  }

  public static String foreignKeyFieldClash(String property, String field, String other) {
    return "the foreign key of '" + property + "' would be field '" + field + "' of the metamodel, which is "
        + (other.equals(field) ? "already the field of property '" + other + "'"
            : "already the foreign-key field of '" + other + "'")
        + "; give it another name with @JoinColumn(field = \"...\") on '" + property + "', e.g. field = \""
        + property + "Ref\"";
  }

  public static String validatesArity(String method) {
    return "@Validates method " + method + " must take the new value (T value) or the property name and the new "
        + "value (String property, T value); change its parameters";
  }

  public static String validatesNameParameter(String method, String type) {
    return "the first parameter of @Validates method " + method + " receives the property name and must be a "
        + "String, not " + type + "; declare it as (String property, T value)";
  }

  public static String validatesTwoArgumentSignature(String method, String property, String type) {
    return "@Validates method " + method + " must be non-private and non-static, and its (String property, T value) "
        + "form must take a T that property '" + property + "' (" + type + ") is assignable to, such as Object, "
        + "and return T or a subtype of it; change its declaration";
  }

  // @Query checking

  public static String querySyntax(int line, int column, String detail) {
    return "the @Query SQL does not parse at line " + line + ", column " + column + ": " + detail
        + "; fix the SQL there (named parameters are written :name)";
  }

  public static String queryUnsupported(String what) {
    return "@Query takes one SELECT, INSERT, UPDATE or DELETE statement, not " + what
        + "; write a single SELECT, INSERT, UPDATE or DELETE (run DDL through migrations, and give each statement "
        + "its own method)";
  }

  public static String queryUnknownTable(String table, String suggestion) {
    return "unknown table '" + table + "' in @Query; " + (suggestion == null ? "name" : "did you mean '" + suggestion
        + "'? Name") + " the table of an entity (its @Table name) or a table declared for the checker";
  }

  public static String queryUnknownColumn(String column, String where, String suggestion) {
    return "unknown column '" + column + "' in " + where
        + (suggestion == null ? "; use a column of that table (the column name, not the Java property)"
            : "; did you mean '" + suggestion + "'?");
  }

  public static String queryAmbiguousColumn(String column, Collection<String> tables) {
    return "column '" + column + "' is ambiguous: it is in both " + String.join(" and ", tables)
        + "; qualify it with its table or alias, e.g. " + tables.iterator().next() + "." + column;
  }

  public static String queryUnknownAlias(String alias, String reference, String suggestion, Collection<String> inScope) {
    String fix = inScope.isEmpty() ? "add the table to the FROM clause"
        : "qualify the column with one of " + String.join(", ", inScope) + ", or add the table to the FROM clause";
    return "'" + alias + "' in " + reference + " is not a table or alias in scope; "
        + (suggestion == null ? fix : "did you mean '" + suggestion + "'? Or " + fix);
  }

  public static String queryUnknownParameter(String name, String suggestion, Collection<String> parameters) {
    return ":" + name + " is not a parameter of the method"
        + (suggestion == null ? "" : "; did you mean :" + suggestion + "?")
        + " Add a method parameter named " + name + " or rename the placeholder (the method's parameters: "
        + (parameters.isEmpty() ? "none" : String.join(", ", parameters)) + ")";
  }

  public static String queryUnusedParameter(String name) {
    return "method parameter " + name + " is not used in the @Query; use it as :" + name
        + " in the SQL or remove the parameter";
  }

  public static String queryParameterType(String name, String declared, String expected) {
    String hint = expected.startsWith("java.util.Collection<")
        ? "declare it as " + expected + " (a List or Set works too)"
        : "declare it as " + expected;
    return "parameter :" + name + " is declared as " + declared + " but the query compares it with " + expected
        + "; " + hint;
  }

  public static String queryPositionalParameter(int line, int column) {
    return "positional parameter ? at line " + line + ", column " + column + ": @Query binds parameters by name; "
        + "write :name and give the method a parameter called name";
  }

  public static String queryDialectSyntax(String construct, String dialect, String option, String hint) {
    return construct + " is not supported by " + dialect + "; " + hint + ", or remove " + option
        + " from the processor option quarry.dialects";
  }

  public static String queryInsertColumnCount(String table, int columns, int values) {
    return "INSERT INTO " + table + " names " + columns + " column" + (columns == 1 ? "" : "s") + " but gives "
        + values + " value" + (values == 1 ? "" : "s") + "; give one value per column";
  }

  public static String querySetOperationColumnCount(String operation, int first, int branch, int count) {
    return "the selects of " + operation + " differ in their columns: the first selects " + first + ", select "
        + branch + " selects " + count + "; select the same number of columns in each";
  }

  public static String queryCteColumnCount(String cte, int names, int columns) {
    return "WITH " + cte + " names " + names + " columns but its query selects " + columns
        + "; name one column per selected column";
  }

  public static String queryDerivedColumnCount(String alias, int names, int columns) {
    return "derived table " + alias + " names " + names + " columns but its query selects " + columns
        + "; name one column per selected column";
  }

  public static String queryScalarSubqueryColumns(int columns) {
    return "a subquery used as a value must select one column, this one selects " + columns
        + "; select a single column";
  }

  public static String queryInSubqueryColumns(int columns) {
    return "the subquery of IN must select one column, this one selects " + columns + "; select a single column";
  }

  public static String queryOptionalPlacement(String name, String where) {
    return "optional parameter :" + name + " is " + where + "; an optional parameter may appear only in a "
        + "condition joined by AND to a WHERE, HAVING or JOIN ... ON clause (e.g. WHERE ... AND u.age >= :" + name
        + "), which is left out when it is null: move it there, or make the parameter required";
  }

  public static String queryOptionalShared(String name, String other, String condition) {
    return "optional parameters :" + name + " and :" + other + " are in the same condition (" + condition
        + "), which can be left out for only one of them; give each its own condition joined by AND "
        + "(e.g. x >= :" + name + " AND x <= :" + other + "), or make one of them required";
  }

  // Migrations: @Revision classes -------------------------------------------------------------

  public static String revisionNotAClass(String name, String kind) {
    return "@Revision " + name + " is " + (kind.startsWith("a") || kind.startsWith("e") || kind.startsWith("i")
        ? "an " : "a ") + kind + "; a revision is a public class implementing dev.quarry.migrate.Migration";
  }

  public static String revisionNotTopLevel(String name) {
    return "@Revision class " + name + " is nested in another type; the generated revision list creates it with "
        + "its no-arg constructor, so move it to its own file as a public top-level class";
  }

  public static String revisionNotPublic(String name) {
    return "@Revision class " + name + " is not public; make it public: the generated revision list creates it "
        + "from its own package";
  }

  public static String revisionAbstract(String name) {
    return "@Revision class " + name + " is abstract; make it a concrete class: the migrator creates it to run "
        + "its upgrade and downgrade";
  }

  public static String revisionWithoutMigrate(String name) {
    return "@Revision class " + name + ": dev.quarry.migrate.Migration is not on the class path; add the "
        + "dependency dev.quarry:quarry-migrate";
  }

  public static String revisionNotMigration(String name) {
    return "@Revision class " + name + " does not implement dev.quarry.migrate.Migration; add "
        + "'implements Migration' with upgrade(Ops op) and downgrade(Ops op)";
  }

  public static String revisionNoConstructor(String name, String simpleName) {
    return "@Revision class " + name + " has no public no-arg constructor; add 'public " + simpleName
        + "() {}': the migrator creates revisions with it";
  }

  public static String revisionBadId(String id) {
    return "revision id '" + id + "' may contain only letters, digits and underscores; write e.g. "
        + "'4f1c2a9e0b7d' (quarry-migrate revision makes a new id)";
  }

  public static String revisionDuplicateId(String id, String other) {
    return "revision id '" + id + "' is also the id of " + other + "; ids are unique: give one of them "
        + "another id (quarry-migrate revision makes a new one)";
  }

  public static String revisionDuplicateLabel(String label, String otherId, String otherClass) {
    return "branch label '" + label + "' is also a label of revision " + otherId + " (" + otherClass
        + "); a branch label names one branch: rename one of them, or keep it on the revision that starts the branch";
  }

  public static String revisionUnknownParent(String id, String parent, Collection<String> known) {
    return "revision " + id + " revises '" + parent + "', which is no revision of this compilation; "
        + (known.size() <= 1 ? "remove it (a base revision revises nothing)"
            : "name one of the revisions " + known.stream().filter(k -> !k.equals(id)).toList()
                + ", or remove it for a base revision");
  }

  public static String revisionUnknownDependency(String id, String dependency, Collection<String> known,
      Collection<String> labels) {
    return "revision " + id + " depends on '" + dependency + "', which is neither a revision nor a branch label of "
        + "this compilation; name one of the revisions " + known.stream().filter(k -> !k.equals(id)).toList()
        + (labels.isEmpty() ? "" : " or branch labels " + labels) + ", or remove it";
  }

  public static String revisionCycle(String cycle) {
    return "revisions form a cycle through revises and dependsOn: " + cycle + "; a revision cannot come after "
        + "itself: remove one of these links";
  }

  public static String revisionSourceNotProvided(String module, String line, boolean replace) {
    return "module " + module + " does not provide Quarry's generated revision list, and ServiceLoader finds a "
        + "named module's services only through its provides directives (it ignores META-INF/services): "
        + (replace ? "replace the provides directive of dev.quarry.migrate.RevisionSource in module-info.java with: "
            : "add this line to module-info.java: ") + line;
  }
}
