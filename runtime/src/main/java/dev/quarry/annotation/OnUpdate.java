package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * A value computed in Java and written on every UPDATE of the entity (SQLAlchemy's
 * {@code onupdate=}). The supplier needs a public no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OnUpdate {
  /** Supplies the new value. */
  Class<? extends Supplier<?>> value();
}
