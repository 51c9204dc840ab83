package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.PropertyCollector.Candidate;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.RelationModel.ForeignKeyModel;
import dev.quarry.processor.model.RelationModel.Kind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates relationship properties and derives the foreign key of a many-to-one or owning
 * one-to-one. Related entities are inspected through their declarations (they may come from
 * this compilation or from the class path); their own errors are reported when they are processed.
 */
final class RelationParser {
  /** A parsed relationship, with the foreign-key column property when this side owns one. */
  record Parsed(RelationModel relation, PropertyModel foreignKeyColumn) {}

  private final Elements elements;
  private final java.util.Map<String, TypeElement> knownTypes = new java.util.HashMap<>();
  private final Types types;
  private final Mirrors mirrors;
  private final PropertyCollector collector;
  private final TypeResolver resolver;

  RelationParser(Elements elements, Types types, Mirrors mirrors, PropertyCollector collector,
      TypeResolver resolver) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.collector = collector;
    this.resolver = resolver;
  }

  /** The relationship annotations on a property. */
  static List<AnnotationMirror> relationAnnotations(Element element) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (String name : List.of(RuntimeNames.MANY_TO_ONE, RuntimeNames.ONE_TO_ONE, RuntimeNames.ONE_TO_MANY,
        RuntimeNames.MANY_TO_MANY)) {
      AnnotationMirror m = Mirrors.find(element, name);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** Parses one relationship; returns null after reporting an error. */
  Parsed parse(TypeElement entity, String table, Candidate c, AnnotationMirror annotation, int columnIndex,
      Diagnostics diagnostics) {
    Kind kind = kindOf(annotation);
    String property = c.name();
    Element element = c.element();
    String fetch = mirrors.enumConstant(annotation, "fetch");
    boolean collection = kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
    TypeMirror targetType = collection ? elementType(c.type()) : c.type();
    if (targetType == null) {
      diagnostics.error(element, annotation,
          Errors.relationshipNotCollection(kind.annotation(), property, TypeResolver.display(c.type())));
      return null;
    }
    if (collection && !declaredAsCollectionInterface(c.type())) {
      diagnostics.error(element, annotation,
          Errors.relationshipCollectionClass(kind.annotation(), property, TypeResolver.display(c.type())));
      return null;
    }
    TypeElement target = targetType.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) targetType).asElement() : null;
    if (target == null || !Mirrors.has(target, RuntimeNames.ENTITY)) {
      diagnostics.error(element, annotation,
          Errors.relationshipTargetNotEntity(kind.annotation(), property, TypeResolver.display(targetType)));
      return null;
    }
    AnnotationMirror cached = Mirrors.find(element, RuntimeNames.CACHED);
    String cacheRegion = null;
    if (cached != null && !collection) {
      diagnostics.error(element, cached, Errors.cachedToOne(kind.annotation(), property,
          target.getSimpleName().toString()));
      return null;
    } else if (cached != null) {
      cacheRegion = CacheParser.region(mirrors, element, cached, "'" + property + "'", diagnostics);
      if (cacheRegion == null) {
        return null;
      }
    }
    String mappedBy = kind == Kind.MANY_TO_ONE ? "" : mirrors.string(annotation, "mappedBy");
    if (!mappedBy.isEmpty() && !checkMappedBy(entity, kind, property, element, annotation, target, mappedBy,
        diagnostics)) {
      return null;
    }
    if (fetch.equals("DYNAMIC") && !collection) {
      diagnostics.error(element, annotation, Mirrors.explicitValue(annotation, "fetch"),
          Errors.dynamicOnReference(kind.annotation(), property));
      return null;
    }
    if (kind == Kind.MANY_TO_MANY && mappedBy.isEmpty() && Mirrors.find(element, RuntimeNames.JOIN_TABLE) == null) {
      diagnostics.error(element, annotation, Errors.manyToManyWithoutJoinTable(property,
          Naming.snakeCase(entity.getSimpleName().toString()) + "_" + Naming.snakeCase(property)));
      return null;
    }
    if (fetch.equals("LAZY") || fetch.equals("RAISE") || fetch.equals("DYNAMIC")) {
      if (entity.getModifiers().contains(Modifier.FINAL)) {
        diagnostics.error(element, annotation, Errors.lazyOnFinalClass(kind.annotation(), fetch, property,
            entity.getSimpleName().toString()));
        return null;
      }
      if (!c.access().getterOverridable()) {
        diagnostics.error(element, annotation, Errors.lazyWithoutGetter(kind.annotation(), fetch, property));
        return null;
      }
    }
    ClassName targetName = ClassName.get(target);
    String orderBy = collection ? mirrors.string(annotation, "orderBy") : "";
    java.util.Set<String> cascade = new java.util.TreeSet<>();
    for (Object v : (List<?>) mirrors.value(annotation, "cascade").getValue()) {
      String name = ((javax.lang.model.element.VariableElement) ((javax.lang.model.element.AnnotationValue) v)
          .getValue()).getSimpleName().toString();
      if (name.equals("ALL")) {
        cascade.addAll(List.of("SAVE_UPDATE", "MERGE", "DELETE", "DELETE_ORPHAN", "REFRESH", "EXPUNGE"));
      } else {
        cascade.add(name);
      }
    }
    boolean isSet = collection && types.isAssignable(types.erasure(c.type()),
        types.erasure(known("java.util.Set").asType()));
    boolean owning = kind == Kind.MANY_TO_ONE || (kind == Kind.ONE_TO_ONE && mappedBy.isEmpty());
    if (!owning) {
      RelationModel.JoinTableModel joinTable = null;
      if (kind == Kind.MANY_TO_MANY && mappedBy.isEmpty()) {
        joinTable = joinTable(entity, table, c, target, diagnostics);
        if (joinTable == null) {
          return null;
        }
      }
      return new Parsed(RelationModel.builder().kind(kind).name(property).element(element)
          .type(TypeName.get(c.type())).target(targetName).fetch(fetch).mappedBy(mappedBy).access(c.access())
          .orderBy(orderBy).cascade(cascade).collectionIsSet(isSet).joinTable(joinTable).cacheRegion(cacheRegion)
          .build(), null);
    }
    return owningSide(table, c, annotation, kind, fetch, target, targetName, columnIndex, cascade, diagnostics);
  }

  private Parsed owningSide(String table, Candidate c, AnnotationMirror annotation, Kind kind, String fetch,
      TypeElement target, ClassName targetName, int columnIndex, java.util.Set<String> cascade,
      Diagnostics diagnostics) {
    String property = c.name();
    Element targetId = null;
    int ids = 0;
    for (Candidate tc : collector.collect(target, collector.usesPropertyAccess(target), diagnostics.quiet())) {
      if (Mirrors.has(tc.element(), RuntimeNames.ID) || Mirrors.has(tc.element(), RuntimeNames.EMBEDDED_ID)) {
        targetId = tc.element();
        ids += EmbeddableParser.isEmbedded(tc) ? 2 : 1; // an embedded id is a composite key
      }
    }
    if (ids > 1) {
      diagnostics.error(c.element(), annotation,
          Errors.compositeTarget(kind.annotation(), property, target.getSimpleName().toString()));
      return null;
    }
    if (targetId == null) {
      // The target's own processing reports the missing id; this reference cannot be mapped until then.
      return null;
    }
    TypeMirror idType = PropertyCollector.typeOf(targetId);
    TypeResolver.Resolved idResolved = resolver.resolve(targetId.getSimpleName().toString(), targetId, idType,
        diagnostics.quiet());
    if (idResolved == null) {
      return null;
    }
    String idName = propertyName(targetId);
    AnnotationMirror idColumn = Mirrors.find(targetId, RuntimeNames.COLUMN);
    String targetColumn = idColumn != null && !mirrors.string(idColumn, "name").isEmpty()
        ? mirrors.string(idColumn, "name") : Naming.snakeCase(idName);
    TypeElement tableOwner = InheritanceParser.tableOwner(target); // a subclass lives in its root's table
    AnnotationMirror targetTableAnnotation = Mirrors.find(tableOwner, RuntimeNames.TABLE);
    String targetTable = targetTableAnnotation != null && !mirrors.string(targetTableAnnotation, "name").isEmpty()
        ? mirrors.string(targetTableAnnotation, "name") : Naming.snakeCase(tableOwner.getSimpleName().toString());
    String targetSchema = targetTableAnnotation == null ? "" : mirrors.string(targetTableAnnotation, "schema");

    AnnotationMirror join = Mirrors.find(c.element(), RuntimeNames.JOIN_COLUMN);
    String column = join != null && !mirrors.string(join, "name").isEmpty()
        ? mirrors.string(join, "name") : Naming.snakeCase(property) + "_id";
    if (join != null && !mirrors.string(join, "referencedColumn").isEmpty()) {
      targetColumn = mirrors.string(join, "referencedColumn");
    }
    boolean optional = mirrors.bool(annotation, "optional");
    boolean nullable = optional && (join == null || mirrors.bool(join, "nullable"));
    boolean unique = kind == Kind.ONE_TO_ONE;
    boolean indexed = !unique && (join == null || mirrors.bool(join, "index"));
    String onDelete = join == null ? "DEFAULT" : mirrors.enumConstant(join, "onDelete");
    String onUpdate = join == null ? "DEFAULT" : mirrors.enumConstant(join, "onUpdate");
    String field = join == null ? "" : mirrors.string(join, "field");
    if (field.isEmpty()) {
      field = Naming.foreignKeyField(property, null);
    } else if (!javax.lang.model.SourceVersion.isIdentifier(field) || javax.lang.model.SourceVersion.isKeyword(field)) {
      diagnostics.error(c.element(), join, Mirrors.explicitValue(join, "field"),
          Errors.foreignKeyFieldNotIdentifier(property, field));
      return null;
    }
    ForeignKeyModel fk = new ForeignKeyModel("fk_" + table + "_" + column, column, targetSchema, targetTable,
        targetColumn, onDelete, onUpdate, field);
    RelationModel relation = RelationModel.builder().kind(kind).name(property).element(c.element())
        .type(TypeName.get(c.type())).target(targetName).fetch(fetch).access(c.access()).foreignKey(fk)
        .cascade(cascade).build();
    ColumnModel columnModel = new ColumnModel(column, nullable, unique, indexed, 0, 0, 0, null, true, true, null);
    PropertyModel fkColumn = PropertyModel.builder().name(property).element(c.element()).index(columnIndex)
        .type(TypeName.get(c.type())).valueType(idResolved.valueType()).kind(idResolved.kind())
        .storage(idResolved.storage()).column(columnModel).access(c.access()).reference(relation).build();
    return new Parsed(relation, fkColumn);
  }

  /** The key of an entity: its column, table and resolved type; null after the entity's own error. */
  private record Key(String column, String table, TypeResolver.Resolved type) {}

  private Key keyOf(TypeElement type, Diagnostics diagnostics) {
    Element id = null;
    int ids = 0;
    for (Candidate tc : collector.collect(type, collector.usesPropertyAccess(type), diagnostics.quiet())) {
      if (Mirrors.has(tc.element(), RuntimeNames.ID)) {
        id = tc.element();
        ids++;
      }
    }
    if (id == null || ids > 1) {
      return null;
    }
    TypeResolver.Resolved resolved = resolver.resolve(id.getSimpleName().toString(), id, PropertyCollector.typeOf(id),
        diagnostics.quiet());
    if (resolved == null) {
      return null;
    }
    AnnotationMirror idColumn = Mirrors.find(id, RuntimeNames.COLUMN);
    String column = idColumn != null && !mirrors.string(idColumn, "name").isEmpty()
        ? mirrors.string(idColumn, "name") : Naming.snakeCase(propertyName(id));
    TypeElement tableOwner = InheritanceParser.tableOwner(type); // a subclass lives in its root's table
    AnnotationMirror t = Mirrors.find(tableOwner, RuntimeNames.TABLE);
    String table = t != null && !mirrors.string(t, "name").isEmpty()
        ? mirrors.string(t, "name") : Naming.snakeCase(tableOwner.getSimpleName().toString());
    return new Key(column, table, resolved);
  }

  private RelationModel.JoinTableModel joinTable(TypeElement entity, String table, Candidate c, TypeElement target,
      Diagnostics diagnostics) {
    AnnotationMirror jt = Mirrors.find(c.element(), RuntimeNames.JOIN_TABLE); // present: checked in parse
    Key owner = keyOf(entity, diagnostics);
    Key element = keyOf(target, diagnostics);
    if (owner == null || element == null) {
      return null; // the entity without a usable key reports its own error
    }
    String name = mirrors.string(jt, "name");
    String ownerColumn = mirrors.string(jt, "joinColumn").isEmpty() ? table + "_id" : mirrors.string(jt, "joinColumn");
    String targetColumn = mirrors.string(jt, "inverseJoinColumn").isEmpty() ? element.table() + "_id"
        : mirrors.string(jt, "inverseJoinColumn");
    // bookId and tagId; a self-referencing association falls back to its column names
    String ownerField = Naming.foreignKeyField(Naming.lowerCamel(entity.getSimpleName().toString()), null);
    String targetField = Naming.foreignKeyField(Naming.lowerCamel(target.getSimpleName().toString()), null);
    if (ownerField.equals(targetField)) {
      ownerField = Naming.columnField(ownerColumn);
      targetField = Naming.columnField(targetColumn);
      if (ownerField.equals(targetField)) {
        targetField = targetField + "2";
      }
    }
    return new RelationModel.JoinTableModel(name, joinColumn(c, ownerColumn, owner, 0),
        joinColumn(c, targetColumn, element, 1), table, owner.column(), element.table(), element.column(),
        mirrors.enumConstant(jt, "onDelete"), ownerField, targetField);
  }

  private static PropertyModel joinColumn(Candidate c, String column, Key key, int index) {
    ColumnModel model = new ColumnModel(column, false, false, true, 0, 0, 0, null, true, true, null);
    return PropertyModel.builder().name(column).element(c.element()).index(index).type(key.type().valueType())
        .valueType(key.type().valueType()).kind(key.type().kind()).storage(key.type().storage()).column(model)
        .access(c.access()).id(true).build();
  }

  private boolean checkMappedBy(TypeElement entity, Kind kind, String property, Element element,
      AnnotationMirror annotation, TypeElement target, String mappedBy, Diagnostics diagnostics) {
    Element other = collector.member(target, mappedBy);
    String targetName = target.getSimpleName().toString();
    if (other == null) {
      diagnostics.error(element, annotation, Mirrors.explicitValue(annotation, "mappedBy"),
          Errors.mappedByMissing(kind.annotation(), property, mappedBy, targetName));
      return false;
    }
    Kind expectedKind = switch (kind) {
      case ONE_TO_MANY -> Kind.MANY_TO_ONE;
      case ONE_TO_ONE -> Kind.ONE_TO_ONE;
      default -> Kind.MANY_TO_MANY;
    };
    TypeMirror otherType = PropertyCollector.typeOf(other);
    TypeMirror pointsAt = expectedKind == Kind.MANY_TO_MANY ? elementType(otherType) : otherType;
    boolean typeOk = pointsAt != null
        && types.isSameType(types.erasure(pointsAt), types.erasure(entity.asType()));
    boolean annotationOk = Mirrors.has(other, annotationName(expectedKind));
    if (!typeOk || !annotationOk) {
      String entityName = entity.getSimpleName().toString();
      String expected = "a " + expectedKind.annotation() + " "
          + (expectedKind == Kind.MANY_TO_MANY ? "collection of " + entityName : entityName);
      String actual = (annotationOk ? expectedKind.annotation() + " " : "")
          + TypeResolver.display(otherType);
      diagnostics.error(element, annotation, Mirrors.explicitValue(annotation, "mappedBy"),
          Errors.mappedByWrongType(kind.annotation(), property, mappedBy, targetName, expected, actual));
      return false;
    }
    return true;
  }

  /**
   * Whether a collection property is declared as {@code List}, {@code Set} or {@code Collection}:
   * the session puts a collection of its own there (one that keeps the other side in step), which
   * a property of a collection class such as {@code ArrayList} could not hold.
   */
  private static boolean declaredAsCollectionInterface(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    return name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection");
  }

  /** A JDK type, looked up once: {@code Elements.getTypeElement} searches every module of the compilation. */
  private TypeElement known(String name) {
    return knownTypes.computeIfAbsent(name, elements::getTypeElement);
  }

  /** The element type of a Collection, List or Set; null for other types. */
  private TypeMirror elementType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement collection = known("java.util.Collection");
    if (!types.isAssignable(types.erasure(type), types.erasure(collection.asType()))) {
      return null;
    }
    List<? extends TypeMirror> args = resolver.typeArgumentsOf(type, "java.util.Collection");
    if (args == null || args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
      return null;
    }
    return args.get(0);
  }

  private static String propertyName(Element member) {
    String n = member.getSimpleName().toString();
    if (member instanceof javax.lang.model.element.ExecutableElement) {
      String rest = n.startsWith("get") ? n.substring(3) : n.startsWith("is") ? n.substring(2) : n;
      return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }
    return n;
  }

  private static Kind kindOf(AnnotationMirror m) {
    String n = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
    return switch (n) {
      case RuntimeNames.MANY_TO_ONE -> Kind.MANY_TO_ONE;
      case RuntimeNames.ONE_TO_ONE -> Kind.ONE_TO_ONE;
      case RuntimeNames.ONE_TO_MANY -> Kind.ONE_TO_MANY;
      default -> Kind.MANY_TO_MANY;
    };
  }

  private static String annotationName(Kind kind) {
    return switch (kind) {
      case MANY_TO_ONE -> RuntimeNames.MANY_TO_ONE;
      case ONE_TO_ONE -> RuntimeNames.ONE_TO_ONE;
      case ONE_TO_MANY -> RuntimeNames.ONE_TO_MANY;
      case MANY_TO_MANY -> RuntimeNames.MANY_TO_MANY;
    };
  }
}
