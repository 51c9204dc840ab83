package dev.quarry.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Cached}: the second-level cache region of an entity, declared on its hierarchy's root and
 * shared by every class of the hierarchy (they share one identity), and of its to-many collections
 * (read by {@link RelationParser}). Reports it anywhere else: on a subclass with another region, a
 * {@code @MappedSuperclass}, an {@code @Embeddable}, a to-one reference, a column or a transient member.
 */
final class CacheParser {
  private final Mirrors mirrors;
  private final PropertyCollector collector;

  CacheParser(Mirrors mirrors, PropertyCollector collector) {
    this.mirrors = mirrors;
    this.collector = collector;
  }

  /**
   * The region of entity {@code element}: its own {@code @Cached}, or its hierarchy root's; null when
   * its rows are not cached or after reporting an error.
   */
  String entityRegion(TypeElement element, Diagnostics diagnostics) {
    String name = element.getSimpleName().toString();
    for (TypeElement t : collector.persistentHierarchy(element)) {
      AnnotationMirror m = Mirrors.find(t, RuntimeNames.CACHED);
      if (m != null && !Mirrors.has(t, RuntimeNames.ENTITY)) {
        diagnostics.error(t, m, Errors.cachedNotEntity("@MappedSuperclass", t.getSimpleName().toString()));
      }
    }
    TypeElement root = InheritanceParser.tableOwner(element);
    AnnotationMirror own = Mirrors.find(element, RuntimeNames.CACHED);
    if (root.equals(element)) {
      return own == null ? null : region(mirrors, element, own, "entity " + name, diagnostics);
    }
    AnnotationMirror atRoot = Mirrors.find(root, RuntimeNames.CACHED);
    String rootRegion = atRoot == null ? null : mirrors.string(atRoot, "value");
    if (own != null && !mirrors.string(own, "value").equals(rootRegion)) {
      diagnostics.error(element, own, Errors.cachedOnSubclass(name, mirrors.string(own, "value"),
          root.getSimpleName().toString(), rootRegion));
      return null;
    }
    return rootRegion == null || rootRegion.isBlank() ? null : rootRegion; // a blank one is the root's error
  }

  /** Reports {@code @Cached} on an {@code @Embeddable} class {@code type}; false when it is there. */
  static boolean checkEmbeddable(TypeElement type, Diagnostics diagnostics) {
    AnnotationMirror m = Mirrors.find(type, RuntimeNames.CACHED);
    if (m != null) {
      diagnostics.error(type, m, Errors.cachedNotEntity("@Embeddable", type.getSimpleName().toString()));
    }
    return m == null;
  }

  /**
   * Reports {@code @Cached} on each field or method of {@code element} (and of its
   * {@code @MappedSuperclass}es) that is not a relationship: a column, an embedded value, a
   * transient member. Relationships' are read, and to-one ones reported, by {@link RelationParser}.
   */
  void checkMembers(TypeElement element, Diagnostics diagnostics) {
    String name = element.getSimpleName().toString();
    for (TypeElement t : collector.persistentHierarchy(element)) {
      if (!t.equals(element) && Mirrors.has(t, RuntimeNames.ENTITY)) {
        continue; // an entity superclass's members are reported while it is compiled
      }
      for (Element member : t.getEnclosedElements()) {
        if (member.getKind() != ElementKind.FIELD && member.getKind() != ElementKind.METHOD) {
          continue;
        }
        AnnotationMirror m = Mirrors.find(member, RuntimeNames.CACHED);
        if (m != null && RelationParser.relationAnnotations(member).isEmpty()) {
          diagnostics.error(member, m, Errors.cachedNotCollection(member.getSimpleName().toString(), name));
        }
      }
    }
  }

  /** The region of {@code @Cached} mirror {@code cached} on {@code element}; null after reporting a blank one. */
  static String region(Mirrors mirrors, Element element, AnnotationMirror cached, String where,
      Diagnostics diagnostics) {
    String region = mirrors.string(cached, "value");
    if (region.isBlank()) {
      diagnostics.error(element, cached, Mirrors.explicitValue(cached, "value"), Errors.cachedBlankRegion(where));
      return null;
    }
    return region;
  }
}
