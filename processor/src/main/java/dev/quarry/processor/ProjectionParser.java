package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.ProjectionModel;
import dev.quarry.processor.model.ProjectionModel.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Parses a {@code @Projection} record into a {@link ProjectionModel}: the record must be reachable from
 * its package and not generic, and each component's type is resolved as an entity property's is
 * ({@link TypeResolver}: native kinds, enums, {@code @Convert}, global converters, {@code @Json}).
 * Annotations written on a component reach its field (their targets are FIELD and METHOD), so the
 * field is what is resolved and where component errors are reported (javac places it on the component).
 */
final class ProjectionParser {
  private final TypeResolver resolver;

  ProjectionParser(ProcessingEnvironment env) {
    this.resolver = new TypeResolver(env.getElementUtils(), env.getTypeUtils(), new Mirrors(env.getElementUtils()));
  }

  /** Registers this round's global converters; their own errors are the entity step's to report. */
  void collect(RoundEnvironment round, Diagnostics diagnostics) {
    resolver.globals().collect(round, diagnostics.quiet());
  }

  Optional<ProjectionModel> parse(TypeElement t, Diagnostics diagnostics) {
    AnnotationMirror annotation = Mirrors.find(t, RuntimeNames.PROJECTION);
    String name = t.getSimpleName().toString();
    if (t.getKind() != ElementKind.RECORD) {
      diagnostics.error(t, annotation, Errors.projectionNotRecord(name, kindName(t)));
      return Optional.empty();
    }
    if (!t.getTypeParameters().isEmpty()) {
      diagnostics.error(t, annotation, Errors.projectionGeneric(name));
      return Optional.empty();
    }
    for (Element e = t; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(t, annotation, Errors.projectionPrivate(name, e.getSimpleName().toString()));
        return Optional.empty();
      }
    }
    int before = diagnostics.errorCount();
    List<Component> components = new ArrayList<>();
    List<VariableElement> fields = ElementFilter.fieldsIn(t.getEnclosedElements());
    for (RecordComponentElement rc : t.getRecordComponents()) {
      String component = rc.getSimpleName().toString();
      Element at = fields.stream().filter(f -> f.getSimpleName().contentEquals(component)
          && !f.getModifiers().contains(Modifier.STATIC)).findFirst().map(Element.class::cast).orElse(rc);
      TypeMirror type = rc.asType();
      if (!supported(at, type)) {
        diagnostics.error(at, Errors.projectionUnsupportedType(name, component, TypeResolver.display(type)));
        continue;
      }
      TypeResolver.Resolved r = resolver.resolve(component, at, type, diagnostics);
      if (r != null) {
        components.add(new Component(component, TypeName.get(type), r.kind(), r.storage(), r.valueType(),
            type.getKind().isPrimitive()));
      }
    }
    if (components.isEmpty() && diagnostics.errorCount() == before) {
      diagnostics.error(t, annotation, Errors.projectionEmpty(name));
    }
    if (diagnostics.errorCount() != before) {
      return Optional.empty();
    }
    return Optional.of(new ProjectionModel(t, ClassName.get(t), List.copyOf(components)));
  }

  /** Whether {@link TypeResolver#resolve} has a way to read {@code type} (else it would report an entity's message). */
  private boolean supported(Element element, TypeMirror type) {
    if (Mirrors.find(element, RuntimeNames.CONVERT) != null || Mirrors.find(element, JsonResolver.JSON) != null
        || Mirrors.find(element, RuntimeNames.ENUMERATED) != null || resolver.nativeKind(type) != null) {
      return true;
    }
    if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
      return true;
    }
    return resolver.globals().find(resolver.box(type)) != null;
  }

  private static String kindName(TypeElement t) {
    return switch (t.getKind()) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a class";
    };
  }
}
