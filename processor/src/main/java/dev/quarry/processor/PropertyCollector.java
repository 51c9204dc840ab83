package dev.quarry.processor;

import dev.quarry.processor.model.Access;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the persistent properties of a class: non-static, non-transient fields (field access,
 * the default) or getter/setter pairs (property access, when {@code @Id} sits on a getter),
 * including those inherited from {@code @MappedSuperclass} and {@code @Entity} superclasses (topmost first), and decides
 * how generated code reaches each one. A superclass that is not {@code @MappedSuperclass} contributes
 * nothing; if it declares instance fields that is an error on the entity, so no state is silently lost.
 */
final class PropertyCollector {
  /** A property before its type is resolved. */
  record Candidate(String name, Element element, TypeMirror type, Access access) {}

  private final Elements elements;
  private final Types types;

  PropertyCollector(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Whether the class uses property access: {@code @Id} on a getter rather than a field. */
  boolean usesPropertyAccess(TypeElement entity) {
    for (TypeElement t : persistentHierarchy(entity)) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (Mirrors.has(m, RuntimeNames.ID)) {
          return true;
        }
      }
    }
    return false;
  }

  List<Candidate> collect(TypeElement entity, boolean propertyAccess, Diagnostics diagnostics) {
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(entity));
    String pkg = packageOf(entity);
    boolean finalClass = entity.getModifiers().contains(Modifier.FINAL);
    Map<String, Candidate> out = new LinkedHashMap<>();
    checkUnmappedSuperclasses(entity, diagnostics);
    for (TypeElement t : persistentHierarchy(entity)) {
      if (propertyAccess) {
        for (ExecutableElement getter : ElementFilter.methodsIn(t.getEnclosedElements())) {
          String name = propertyNameOfGetter(getter);
          if (name == null || out.containsKey(name) || Mirrors.has(getter, RuntimeNames.TRANSIENT)) {
            continue;
          }
          TypeMirror type = getter.getReturnType();
          ExecutableElement setter = setter(methods, name, type);
          if (setter == null) {
            continue; // a read-only getter is derived state, not a column
          }
          out.put(name, new Candidate(name, getter, type,
              access(null, getter, setter, pkg, finalClass)));
        }
        continue;
      }
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        Set<Modifier> mods = field.getModifiers();
        if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT)
            || Mirrors.has(field, RuntimeNames.TRANSIENT)) {
          continue;
        }
        String name = field.getSimpleName().toString();
        TypeMirror type = field.asType();
        ExecutableElement getter = getter(methods, name, type);
        ExecutableElement setter = setter(methods, name, type);
        if (mods.contains(Modifier.FINAL)) {
          diagnostics.error(field, Errors.finalField(name));
          continue;
        }
        boolean fieldReachable = reachable(field, pkg);
        boolean getterReachable = getter != null && reachable(getter, pkg);
        boolean setterReachable = setter != null && reachable(setter, pkg);
        if (!fieldReachable && !(getterReachable && setterReachable)) {
          String missing = !getterReachable && !setterReachable ? "getter and setter"
              : !getterReachable ? "getter" : "setter";
          diagnostics.error(field, Errors.privateWithoutAccessors(name, missing));
          continue;
        }
        out.put(name, new Candidate(name, field, type,
            access(fieldReachable ? name : null, getter, setter, pkg, finalClass)));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The member of {@code type} holding property {@code name}: the field, else its getter; null when absent. */
  Element member(TypeElement type, String name) {
    for (TypeElement t : persistentHierarchy(type)) {
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(name) && !f.getModifiers().contains(Modifier.STATIC)) {
          return f;
        }
      }
    }
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (name.equals(propertyNameOfGetter(m))) {
        return m;
      }
    }
    return null;
  }

  /** The declared type of a member found by {@link #member}. */
  static TypeMirror typeOf(Element member) {
    return member instanceof ExecutableElement m ? m.getReturnType() : member.asType();
  }

  /** The class and those of its superclasses annotated {@code @MappedSuperclass}, topmost first. */
  List<TypeElement> persistentHierarchy(TypeElement type) {
    List<TypeElement> out = new ArrayList<>();
    for (TypeElement t : hierarchy(type)) {
      if (t.equals(type) || Mirrors.has(t, RuntimeNames.MAPPED_SUPERCLASS) || Mirrors.has(t, RuntimeNames.ENTITY)) {
        out.add(t); // an @Entity superclass: entity inheritance, validated by InheritanceParser
      }
    }
    return out;
  }

  /**
   * Reports, on {@code type}, each superclass that is not {@code @MappedSuperclass} yet declares
   * instance fields that look persistent (not static, not transient, not {@code @Transient}):
   * mapping them silently would be surprising, dropping them silently would lose data.
   */
  private void checkUnmappedSuperclasses(TypeElement type, Diagnostics diagnostics) {
    for (TypeElement t : hierarchy(type)) {
      if (t.equals(type) || Mirrors.has(t, RuntimeNames.MAPPED_SUPERCLASS) || Mirrors.has(t, RuntimeNames.ENTITY)) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        Set<Modifier> mods = field.getModifiers();
        if (!mods.contains(Modifier.STATIC) && !mods.contains(Modifier.TRANSIENT)
            && !Mirrors.has(field, RuntimeNames.TRANSIENT)) {
          fields.add(field.getSimpleName().toString());
        }
      }
      if (!fields.isEmpty()) {
        diagnostics.error(type, Errors.unmappedSuperclass(type.getSimpleName().toString(),
            t.getSimpleName().toString(), fields, Mirrors.has(t, RuntimeNames.ENTITY)));
      }
    }
  }

  /** The class and its superclasses up to (not including) Object, topmost first. */
  List<TypeElement> hierarchy(TypeElement type) {
    Deque<TypeElement> stack = new ArrayDeque<>();
    TypeElement t = type;
    while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")) {
      stack.push(t);
      TypeMirror sup = t.getSuperclass();
      t = sup.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) sup).asElement() : null;
    }
    return new ArrayList<>(stack);
  }

  private Access access(String field, ExecutableElement getter, ExecutableElement setter, String pkg,
      boolean finalClass) {
    return new Access(field,
        getter == null ? null : getter.getSimpleName().toString(),
        setter == null ? null : setter.getSimpleName().toString(),
        !finalClass && overridable(getter, pkg), !finalClass && overridable(setter, pkg),
        visibility(getter), visibility(setter));
  }

  private static String visibility(ExecutableElement m) {
    if (m == null) {
      return "";
    }
    Set<Modifier> mods = m.getModifiers();
    return mods.contains(Modifier.PUBLIC) ? "public" : mods.contains(Modifier.PROTECTED) ? "protected" : "";
  }

  private boolean overridable(ExecutableElement m, String pkg) {
    if (m == null) {
      return false;
    }
    Set<Modifier> mods = m.getModifiers();
    if (mods.contains(Modifier.FINAL) || mods.contains(Modifier.PRIVATE) || mods.contains(Modifier.STATIC)) {
      return false;
    }
    return mods.contains(Modifier.PUBLIC) || mods.contains(Modifier.PROTECTED)
        || packageOf(m).equals(pkg);
  }

  /** Whether generated code in package {@code pkg} (not a subclass) can use the member. */
  private boolean reachable(Element member, String pkg) {
    Set<Modifier> mods = member.getModifiers();
    if (mods.contains(Modifier.PRIVATE)) {
      return false;
    }
    if (mods.contains(Modifier.PUBLIC)) {
      return true;
    }
    return packageOf(member).equals(pkg);
  }

  private String packageOf(Element e) {
    PackageElement p = elements.getPackageOf(e);
    return p.getQualifiedName().toString();
  }

  private ExecutableElement getter(List<ExecutableElement> methods, String name, TypeMirror type) {
    String cap = Naming.capitalize(name);
    for (ExecutableElement m : methods) {
      String n = m.getSimpleName().toString();
      boolean nameMatches = n.equals("get" + cap) || (n.equals("is" + cap) && type.getKind() == TypeKind.BOOLEAN);
      if (nameMatches && m.getParameters().isEmpty() && !m.getModifiers().contains(Modifier.STATIC)
          && types.isSameType(m.getReturnType(), type)) {
        return m;
      }
    }
    return null;
  }

  private ExecutableElement setter(List<ExecutableElement> methods, String name, TypeMirror type) {
    String setterName = "set" + Naming.capitalize(name);
    for (ExecutableElement m : methods) {
      if (m.getSimpleName().contentEquals(setterName) && m.getParameters().size() == 1
          && !m.getModifiers().contains(Modifier.STATIC)
          && types.isSameType(m.getParameters().get(0).asType(), type)) {
        return m;
      }
    }
    return null;
  }

  /** The property a getter reads ({@code getName}/{@code isActive}), or null when it is no getter. */
  static String propertyNameOfGetter(ExecutableElement m) {
    if (m.getKind() != ElementKind.METHOD || !m.getParameters().isEmpty()
        || m.getModifiers().contains(Modifier.STATIC) || m.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    String n = m.getSimpleName().toString();
    String rest;
    if (n.startsWith("get") && n.length() > 3 && !n.equals("getClass")) {
      rest = n.substring(3);
    } else if (n.startsWith("is") && n.length() > 2 && m.getReturnType().getKind() == TypeKind.BOOLEAN) {
      rest = n.substring(2);
    } else {
      return null;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }
}
