package dev.quarry.processor.dao;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.Mirrors;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Entities compiled elsewhere (another module or jar), as derived finders need them: read from the
 * generated {@code Q} class on the class path through the compiler's model, never by loading a
 * class. Its public final {@code Column} fields are the properties, their declared column types
 * ({@code NumberColumn<Long>}, {@code StringColumn}, …) the Java types and whether the values
 * compare; the entity class's {@code @Id} (CLASS retention, so in its class file) names the id.
 *
 * <p>The model is partial: column names and the table are not in a class's signature (they are in
 * the Q-class's initializers), so it carries the property names in their place; derived finders
 * only need the Q-class's fields, the generated {@code _Mapping} and the id.
 */
final class ExternalEntities {
  static final String ENTITY = "dev.quarry.annotation.Entity";
  private static final String COLUMN = "dev.quarry.sql.Column";
  private static final String COMPARABLE_COLUMN = "dev.quarry.sql.ComparableColumn";
  private static final String ENUM_COLUMN = "dev.quarry.sql.EnumColumn";
  private static final String ENTITY_TABLE = "dev.quarry.spi.EntityTable";
  private static final List<String> ID = List.of("dev.quarry.annotation.Id", "dev.quarry.annotation.EmbeddedId");

  private final Elements elements;
  private final Types types;
  private final Map<String, Optional<EntityModel>> found = new HashMap<>();

  ExternalEntities(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Whether {@code type} is annotated {@code @Entity} (read from its class file for a compiled class). */
  static boolean isEntity(TypeElement type) {
    return Mirrors.has(type, ENTITY);
  }

  /** The entity's model from its Q-class, or empty when there is none on the class path. */
  Optional<EntityModel> of(TypeElement entity) {
    return found.computeIfAbsent(entity.getQualifiedName().toString(), k -> read(entity));
  }

  private Optional<EntityModel> read(TypeElement entity) {
    ClassName type = ClassName.get(entity);
    TypeElement q = elements.getTypeElement(EntityModel.metamodelType(type).canonicalName());
    if (q == null || !implementsEntityTable(q, entity)) {
      return Optional.empty();
    }
    TypeElement column = elements.getTypeElement(COLUMN);
    TypeElement comparable = elements.getTypeElement(COMPARABLE_COLUMN);
    TypeElement enumColumn = elements.getTypeElement(ENUM_COLUMN);
    Set<String> ids = idNames(entity);
    List<PropertyModel> columns = new ArrayList<>();
    List<Integer> idColumns = new ArrayList<>();
    for (VariableElement f : ElementFilter.fieldsIn(q.getEnclosedElements())) {
      Set<Modifier> mods = f.getModifiers();
      if (!mods.contains(Modifier.PUBLIC) || !mods.contains(Modifier.FINAL) || mods.contains(Modifier.STATIC)) {
        continue;
      }
      TypeMirror value = typeArgument(f.asType(), column);
      if (value == null) {
        continue; // a relationship path or an embedded value's path
      }
      String name = f.getSimpleName().toString();
      TypeName valueType = TypeName.get(value);
      ValueKind kind = ValueKind.forTypeName(value.toString());
      boolean isComparable = types.isSubtype(types.erasure(f.asType()), types.erasure(comparable.asType()));
      if (kind == null || kind == ValueKind.CONVERTED || kind == ValueKind.JSON) {
        kind = enumColumn != null && types.isSubtype(types.erasure(f.asType()), types.erasure(enumColumn.asType()))
            ? ValueKind.ENUM : ValueKind.CONVERTED;
      }
      int index = columns.size();
      boolean id = ids.contains(name);
      if (id) {
        idColumns.add(index);
      }
      columns.add(new PropertyModel(name, f, index, valueType, valueType, false, kind,
          new PropertyModel.Storage(false, null, null, isComparable),
          new ColumnModel(name, !id, false, false, 0, 0, 0, null, true, true, null), null, id, false, null, null,
          null));
    }
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(EntityModel.builder().element(entity).type(type)
        .entityName(entity.getSimpleName().toString()).table("<the table of " + EntityModel.metamodelType(type).simpleName() + ", columns by property>")
        .columns(List.copyOf(columns)).idColumns(List.copyOf(idColumns)).build());
  }

  private boolean implementsEntityTable(TypeElement q, TypeElement entity) {
    TypeElement entityTable = elements.getTypeElement(ENTITY_TABLE);
    if (entityTable == null) {
      return false;
    }
    for (TypeMirror i : q.getInterfaces()) {
      if (i instanceof DeclaredType d && d.asElement().equals(entityTable) && d.getTypeArguments().size() == 1
          && types.isSameType(types.erasure(d.getTypeArguments().get(0)), types.erasure(entity.asType()))) {
        return true;
      }
    }
    return false;
  }

  /** The names of the properties annotated @Id or @EmbeddedId, on fields or getters, up the class hierarchy. */
  private Set<String> idNames(TypeElement entity) {
    Set<String> out = new HashSet<>();
    for (TypeElement t = entity; t != null; ) {
      for (Element e : t.getEnclosedElements()) {
        if (ID.stream().anyMatch(a -> Mirrors.has(e, a))) {
          String n = e.getSimpleName().toString();
          if (e.getKind() == ElementKind.METHOD && n.matches("(get|is)\\p{Lu}.*")) {
            n = Character.toLowerCase(n.charAt(n.startsWith("is") ? 2 : 3)) + n.substring(n.startsWith("is") ? 3 : 4);
          }
          out.add(n);
        }
      }
      TypeMirror s = t.getSuperclass();
      t = s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
    }
    return out;
  }

  /** The {@code T} of {@code Column<T>} among {@code t}'s supertypes, or null when it is not a column. */
  private TypeMirror typeArgument(TypeMirror t, TypeElement column) {
    List<TypeMirror> todo = new ArrayList<>(List.of(t));
    while (!todo.isEmpty()) {
      TypeMirror x = todo.remove(0);
      if (x instanceof DeclaredType d && d.asElement().equals(column)) {
        return d.getTypeArguments().size() == 1 ? d.getTypeArguments().get(0) : null;
      }
      todo.addAll(types.directSupertypes(x));
    }
    return null;
  }
}
