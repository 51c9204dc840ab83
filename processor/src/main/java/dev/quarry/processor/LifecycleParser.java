package dev.quarry.processor;

import dev.quarry.processor.model.EntityModel.CallbackModel;
import dev.quarry.processor.model.EntityModel.ValidatorModel;
import dev.quarry.processor.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Finds lifecycle callbacks ({@code @BeforeInsert} …) and {@code @Validates} methods of an entity. */
final class LifecycleParser {
  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  private final PropertyCollector collector;

  LifecycleParser(Elements elements, Types types, Mirrors mirrors, PropertyCollector collector) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.collector = collector;
  }

  List<CallbackModel> callbacks(TypeElement entity, Diagnostics diagnostics) {
    List<CallbackModel> out = new ArrayList<>();
    for (ExecutableElement m : methods(entity)) {
      for (Map.Entry<String, String> c : RuntimeNames.CALLBACKS.entrySet()) {
        AnnotationMirror a = Mirrors.find(m, c.getKey());
        if (a == null) {
          continue;
        }
        if (!callable(m, entity) || !m.getParameters().isEmpty()) {
          diagnostics.error(m, a, Errors.callbackSignature("@" + simpleName(c.getKey()), m.getSimpleName().toString()));
          continue;
        }
        out.add(new CallbackModel(c.getValue(), m.getSimpleName().toString()));
      }
    }
    return out;
  }

  List<ValidatorModel> validators(TypeElement entity, List<PropertyModel> allColumns, Diagnostics diagnostics) {
    // References hold a foreign key, not a value the entity's method could check.
    List<PropertyModel> columns = allColumns.stream().filter(c -> c.reference() == null).toList();
    List<ValidatorModel> out = new ArrayList<>();
    for (ExecutableElement m : methods(entity)) {
      AnnotationMirror a = Mirrors.find(m, RuntimeNames.VALIDATES);
      if (a == null) {
        continue;
      }
      String method = m.getSimpleName().toString();
      int arity = m.getParameters().size();
      if (arity != 1 && arity != 2) {
        diagnostics.error(m, a, Errors.validatesArity(method));
        continue;
      }
      if (arity == 2 && !types.isSameType(m.getParameters().get(0).asType(), string())) {
        diagnostics.error(m.getParameters().get(0), Errors.validatesNameParameter(method,
            TypeResolver.display(m.getParameters().get(0).asType())));
        continue;
      }
      for (String property : mirrors.strings(a, "value")) {
        PropertyModel p = columns.stream().filter(c -> c.name().equals(property)).findFirst().orElse(null);
        if (p == null) {
          diagnostics.error(m, a, Mirrors.explicitValue(a, "value"), Errors.validatesUnknownProperty(method, property,
              columns.stream().map(PropertyModel::name).toList()));
          continue;
        }
        TypeMirror type = PropertyCollector.typeOf(p.element());
        if (arity == 1) {
          boolean ok = callable(m, entity)
              && types.isSameType(m.getParameters().get(0).asType(), type)
              && types.isAssignable(m.getReturnType(), type);
          if (!ok) {
            diagnostics.error(m, a, Errors.validatesSignature(method, property, TypeResolver.display(type)));
            continue;
          }
          out.add(new ValidatorModel(p.index(), method));
          continue;
        }
        // (String property, T value): every named property's type is assignable to T, and so is the result
        TypeMirror value = m.getParameters().get(1).asType();
        TypeMirror result = m.getReturnType();
        boolean ok = callable(m, entity) && types.isAssignable(type, value) && types.isAssignable(result, value)
            && result.getKind() != javax.lang.model.type.TypeKind.VOID;
        if (!ok) {
          diagnostics.error(m, a, Errors.validatesTwoArgumentSignature(method, property, TypeResolver.display(type)));
          continue;
        }
        out.add(new ValidatorModel(p.index(), method, true, !types.isAssignable(result, type)));
      }
    }
    return out;
  }

  private TypeMirror string() {
    return elements.getTypeElement("java.lang.String").asType();
  }

  /** Methods declared in the class and its superclasses, topmost first. */
  private List<ExecutableElement> methods(TypeElement entity) {
    List<ExecutableElement> out = new ArrayList<>();
    for (TypeElement t : collector.hierarchy(entity)) {
      out.addAll(ElementFilter.methodsIn(t.getEnclosedElements()));
    }
    return out;
  }

  /** Non-private, non-static and reachable from generated code in the entity's package. */
  private boolean callable(ExecutableElement m, TypeElement entity) {
    Set<Modifier> mods = m.getModifiers();
    if (mods.contains(Modifier.PRIVATE) || mods.contains(Modifier.STATIC)) {
      return false;
    }
    return mods.contains(Modifier.PUBLIC)
        || elements.getPackageOf(m).getQualifiedName().contentEquals(elements.getPackageOf(entity).getQualifiedName());
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
