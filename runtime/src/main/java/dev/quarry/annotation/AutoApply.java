package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link dev.quarry.types.Converter} global: every property of its Java type in the same
 * compilation is stored through it without {@link Convert} (JPA's {@code autoApply}). A property's
 * own {@link Convert}, {@link Json} or {@link Enumerated} wins. For a converter compiled elsewhere
 * (a library jar) list it in {@link Converters} instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AutoApply {}
