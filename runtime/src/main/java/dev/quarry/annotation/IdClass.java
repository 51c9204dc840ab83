package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The composite key type of an entity with several {@link Id} properties: a record (or an
 * {@link Embeddable}) with one component per id property, same names and types. The generated
 * DAO's {@code findById} takes this type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface IdClass {
  /** The key type. */
  Class<?> value();
}
