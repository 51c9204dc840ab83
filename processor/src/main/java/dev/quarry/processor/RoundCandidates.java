package dev.quarry.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The types a step looks at in a round: those it deferred in earlier rounds (looked up again by
 * name, as auto-common's {@code BasicAnnotationProcessor} does, since elements do not outlive a
 * round), then the round's types carrying its annotation.
 */
public final class RoundCandidates {
  private RoundCandidates() {}

  /** The candidates of {@code round} for {@code annotation}; empties {@code deferred}. */
  public static List<TypeElement> of(Elements elements, RoundEnvironment round, Collection<String> deferred,
      String annotation) {
    List<TypeElement> candidates = new ArrayList<>();
    for (String name : deferred) {
      TypeElement t = elements.getTypeElement(name);
      if (t != null) {
        candidates.add(t);
      }
    }
    deferred.clear();
    TypeElement type = elements.getTypeElement(annotation);
    if (type != null) {
      for (Element e : round.getElementsAnnotatedWith(type)) {
        if (e instanceof TypeElement t) {
          candidates.add(t);
        }
      }
    }
    return candidates;
  }
}
