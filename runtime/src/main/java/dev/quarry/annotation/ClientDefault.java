package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * A value computed in Java when an entity is inserted and the property is still null (SQLAlchemy's
 * {@code default=}). The supplier needs a public no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ClientDefault {
  /** Supplies the default value. */
  Class<? extends Supplier<?>> value();
}
