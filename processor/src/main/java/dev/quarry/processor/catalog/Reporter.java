package dev.quarry.processor.catalog;

import dev.quarry.processor.query.CatalogTable;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports the catalog's errors, each once per compilation: a DAO generator that builds a catalog
 * for every DAO must report a package's bad {@code @QueryTable} once. Also holds the tables read
 * from the class path, for the compilation.
 */
final class Reporter {
  /** Per compilation (processing environment); the state holds no reference back to it. */
  private static final Map<ProcessingEnvironment, State> STATES = Collections.synchronizedMap(new WeakHashMap<>());

  private static final class State {
    final Set<List<Object>> reported = Collections.synchronizedSet(new HashSet<>());
    final Map<String, Optional<CatalogTable>> classPathTables = new ConcurrentHashMap<>();
  }

  private final ProcessingEnvironment env;
  private final State state;

  private Reporter(ProcessingEnvironment env, State state) {
    this.env = env;
    this.state = state;
  }

  static Reporter of(ProcessingEnvironment env) {
    return new Reporter(env, STATES.computeIfAbsent(env, k -> new State()));
  }

  /** The tables looked up on the class path so far, by lookup key (empty: not there). */
  Map<String, Optional<CatalogTable>> classPathTables() {
    return state.classPathTables;
  }

  /** Reports {@code message} on the value (else the annotation, else the element), unless it was reported there already. */
  void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
    if (!state.reported.add(Arrays.asList(element, mirror, value, message))) {
      return;
    }
    if (element == null) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, message);
    } else if (mirror == null) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    } else if (value == null) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
    } else {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }
  }

  /** Reports {@code message} without a position, once. */
  void error(String message) {
    error(null, null, null, message);
  }
}
