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
        + "OffsetDateTime, Instant, UUID, byte[], an enum), add @Convert with a Converter<" + type + ", ...>, "
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

  // --- inheritance (single-table hierarchies) -------------------------------------------------

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
}
