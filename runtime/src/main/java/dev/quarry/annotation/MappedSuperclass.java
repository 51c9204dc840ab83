package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a base class (a mixin) whose persistent properties become columns of every entity that
 * extends it, as if declared in the entity, ahead of the entity's own columns (topmost class
 * first). The base class has no table of its own; it may be abstract. Its properties follow the
 * same rules as an entity's ({@code @Column}, {@code @CreatedAt}, {@code @UpdatedAt}, ...).
 *
 * <p>Only annotated superclasses contribute columns: an entity extending a class that is neither
 * {@code @MappedSuperclass} nor {@code Object} and that declares instance fields (not
 * {@code transient} and not {@code @Transient}) is a compile error, so that state is never
 * silently left unmapped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MappedSuperclass {}
