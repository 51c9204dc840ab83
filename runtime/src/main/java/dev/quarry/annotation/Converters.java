package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers global converters, typically ones from a library jar, for every entity of this
 * compilation: each applies to all properties of its Java type, like {@link AutoApply}. Put it on
 * any class of the compilation (an entity, a configuration class) or on a {@code package-info}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Converters {
  /** The converter classes. */
  Class<? extends dev.quarry.types.Converter<?, ?>>[] value();
}
