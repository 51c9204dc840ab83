package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A property whose type is an {@link Embeddable}: its components become columns of the owner's
 * table, named {@code prefix + column}. Optional on a property whose type is {@code @Embeddable}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Embedded {
  /**
   * Prefix of the component columns; the default is the property's column name and an underscore
   * ({@code homeAddress} → {@code home_address_city}); an explicit {@code prefix = ""} keeps the
   * embeddable's own column names.
   */
  String prefix() default "";
}
