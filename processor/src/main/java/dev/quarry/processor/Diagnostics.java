package dev.quarry.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors on elements (and annotation mirrors/values where they pinpoint the mistake) and
 * counts them, so a step knows whether a model is valid. A quiet instance only counts: used when a
 * related entity is inspected for a relationship and its own errors are reported elsewhere.
 */
public final class Diagnostics {
  private final Messager messager;
  private final boolean quiet;
  private int errors;

  public Diagnostics(Messager messager) {
    this(messager, false);
  }

  private Diagnostics(Messager messager, boolean quiet) {
    this.messager = messager;
    this.quiet = quiet;
  }

  /** A sink that counts errors without printing them. */
  public Diagnostics quiet() {
    return new Diagnostics(messager, true);
  }

  public void error(Element element, String message) {
    errors++;
    if (!quiet) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }

  public void error(Element element, AnnotationMirror mirror, String message) {
    errors++;
    if (!quiet) {
      if (mirror == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
      }
    }
  }

  public void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
    errors++;
    if (!quiet) {
      if (value == null) {
        error(element, mirror, message);
        errors--;
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
      }
    }
  }

  /** Errors reported so far. */
  public int errorCount() {
    return errors;
  }
}
