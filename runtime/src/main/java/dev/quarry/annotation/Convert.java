package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a property through a {@link dev.quarry.types.Converter} (SQLAlchemy's
 * {@code TypeDecorator}). The converter needs a public no-argument constructor; its first type
 * argument must be the property's type and its second a supported column type. It wins over a
 * global converter ({@link AutoApply}, {@link Converters}) for the same type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Convert {
  /** The converter class. */
  Class<? extends dev.quarry.types.Converter<?, ?>> value();
}
