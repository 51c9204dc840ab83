package dev.quarry.processor.migrate;

import com.palantir.javapoet.ClassName;
import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.Errors;
import dev.quarry.processor.migrate.RevisionModel.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Revision} class into a {@link RevisionModel}, reporting on the class what keeps the
 * generated list from creating it ({@code new X()} through {@code X::new}) or the migrator from running it.
 */
final class RevisionParser {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

  private final Elements elements;
  private final Types types;
  private TypeMirror migration;

  RevisionParser(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The model of {@code t}, or null when it carries no readable {@code @Revision}. */
  RevisionModel parse(TypeElement t, Diagnostics diagnostics) {
    AnnotationMirror mirror = find(t);
    if (mirror == null) {
      return null;
    }
    String name = t.getQualifiedName().toString();
    int errors = diagnostics.errorCount();
    if (t.getKind() != ElementKind.CLASS) {
      diagnostics.error(t, Errors.revisionNotAClass(name, t.getKind().toString().toLowerCase(java.util.Locale.ROOT)));
    } else if (t.getNestingKind() != NestingKind.TOP_LEVEL) {
      diagnostics.error(t, Errors.revisionNotTopLevel(name));
    } else if (!t.getModifiers().contains(Modifier.PUBLIC)) {
      diagnostics.error(t, Errors.revisionNotPublic(name));
    } else if (t.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.error(t, Errors.revisionAbstract(name));
    } else if (!isMigration(t, diagnostics)) {
      // reported by isMigration
    } else if (!hasPublicNoArgConstructor(t)) {
      diagnostics.error(t, Errors.revisionNoConstructor(name, t.getSimpleName().toString()));
    }
    Map<? extends ExecutableElement, ? extends AnnotationValue> values = elements.getElementValuesWithDefaults(mirror);
    Ref id = null;
    List<Ref> revises = List.of();
    List<Ref> labels = List.of();
    List<Ref> dependsOn = List.of();
    String message = "";
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      String member = e.getKey().getSimpleName().toString();
      AnnotationValue v = e.getValue();
      switch (member) {
        case "id" -> id = new Ref(String.valueOf(v.getValue()), explicit(mirror, v));
        case "revises" -> revises = strings(v);
        case "branchLabels" -> labels = strings(v);
        case "dependsOn" -> dependsOn = strings(v);
        case "message" -> message = String.valueOf(v.getValue());
        default -> { }
      }
    }
    if (id == null) {
      return null; // javac reports the missing id
    }
    if (!ID.matcher(id.text()).matches()) {
      diagnostics.error(t, mirror, id.value(), Errors.revisionBadId(id.text()));
    }
    return new RevisionModel(t, mirror, ClassName.get(t), id, revises, labels, dependsOn, message,
        diagnostics.errorCount() == errors);
  }

  private static AnnotationMirror find(TypeElement t) {
    for (AnnotationMirror m : t.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(MigrateNames.REVISION)) {
        return m;
      }
    }
    return null;
  }

  /** The value itself when written in the source (defaults have no position). */
  private static AnnotationValue explicit(AnnotationMirror mirror, AnnotationValue v) {
    return mirror.getElementValues().containsValue(v) ? v : null;
  }

  private static List<Ref> strings(AnnotationValue v) {
    List<Ref> refs = new ArrayList<>();
    if (v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        AnnotationValue item = (AnnotationValue) o;
        refs.add(new Ref(String.valueOf(item.getValue()), item));
      }
    }
    return refs;
  }

  private boolean isMigration(TypeElement t, Diagnostics diagnostics) {
    if (migration == null) {
      TypeElement m = elements.getTypeElement(MigrateNames.MIGRATION.canonicalName());
      if (m == null) {
        diagnostics.error(t, Errors.revisionWithoutMigrate(t.getQualifiedName().toString()));
        return false;
      }
      migration = types.erasure(m.asType());
    }
    if (!types.isAssignable(types.erasure(t.asType()), migration)) {
      diagnostics.error(t, Errors.revisionNotMigration(t.getQualifiedName().toString()));
      return false;
    }
    return true;
  }

  private static boolean hasPublicNoArgConstructor(TypeElement t) {
    for (ExecutableElement c : ElementFilter.constructorsIn(t.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }
}
