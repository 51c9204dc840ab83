package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the discriminator column for rows of this entity class (SQLAlchemy's
 * {@code polymorphic_identity}). Optional on every class of an {@link Inheritance} hierarchy;
 * the default is the entity name ({@code @Entity(name)}, else the simple class name). Values must
 * differ within a hierarchy.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {
  /** The value stored in the discriminator column. */
  String value();
}
