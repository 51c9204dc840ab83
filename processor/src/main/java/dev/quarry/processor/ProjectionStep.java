package dev.quarry.processor;

import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.model.ProjectionModel;
import dev.quarry.processor.writer.ProjectionWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Processes {@code @Projection} records round by round, like {@link EntityStep} does entities: defers
 * those that mention types not generated yet (an error only in the last round), parses the rest and
 * writes each one's row reader ({@code BookRow_Projection}). The registry that lists them is written
 * by {@link EntityStep} with the entities of the same round ({@link #pending}, {@link #takeUnregistered}).
 */
final class ProjectionStep {
  private final Elements elements;
  private final Filer filer;
  private final Diagnostics diagnostics;
  private final ProjectionParser parser;
  private final Modules modules;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final List<ProjectionModel> unregistered = new ArrayList<>();

  ProjectionStep(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.filer = env.getFiler();
    this.diagnostics = new Diagnostics(env.getMessager());
    this.parser = new ProjectionParser(env);
    this.modules = new Modules(elements);
  }

  void process(RoundEnvironment round) {
    modules.collect(round);
    parser.collect(round, diagnostics);
    List<TypeElement> candidates = RoundCandidates.of(elements, round, deferred, RuntimeNames.PROJECTION);
    for (TypeElement t : candidates) {
      String name = t.getQualifiedName().toString();
      if (!seen.add(name)) {
        continue;
      }
      if (MissingTypes.in(t)) {
        if (round.processingOver()) {
          diagnostics.error(t, Errors.projectionUnresolvedTypes(name));
        } else {
          seen.remove(name);
          deferred.add(name);
        }
        continue;
      }
      try {
        Optional<ProjectionModel> model = parser.parse(t, diagnostics);
        if (model.isPresent()) {
          write(t, ProjectionWriter.write(model.get(), modules.generatedReadable(t)));
          unregistered.add(model.get());
        }
      } catch (RuntimeException | LinkageError ex) {
        diagnostics.error(t, Errors.unexpected(name, ex));
      }
    }
  }

  /** Whether records wait for a later round (the registry waits with them). */
  boolean pending() {
    return !deferred.isEmpty();
  }

  /** Whether records were written that no registry lists yet. */
  boolean hasUnregistered() {
    return !unregistered.isEmpty();
  }

  /** The records no registry lists yet, sorted by name; they count as listed from now on. */
  List<ProjectionModel> takeUnregistered() {
    List<ProjectionModel> out = new ArrayList<>(unregistered);
    unregistered.clear();
    out.sort(Comparator.comparing(m -> m.type().canonicalName()));
    return out;
  }

  private void write(Element element, JavaFile file) {
    String name = file.packageName().isEmpty() ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    try {
      String text = file.toString();
      javax.tools.JavaFileObject source = filer.createSourceFile(name, element);
      try (Writer w = source.openWriter()) {
        w.write(text);
      }
    } catch (IOException ex) {
      diagnostics.error(element, "could not write " + name + ": " + ex.getMessage());
    }
  }
}
