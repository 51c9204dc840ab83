package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps an entity's rows, or a to-many collection's element ids, in the second-level cache region
 * named {@link #value()} (Hibernate's {@code @Cache}). On an entity class: {@code get} by id and
 * to-one loads are served from the region across sessions. On a {@code @OneToMany} or
 * {@code @ManyToMany} property: the collection's element ids are cached per owner, the elements
 * themselves read through the identity map and their entity's region. The region's time to live
 * and size are the region's own (defined where the cache regions are built); caching takes effect
 * only when the session factory is given those regions ({@code SessionFactory.Builder.cache}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Cached {
  /** The cache region's name. */
  String value();
}
