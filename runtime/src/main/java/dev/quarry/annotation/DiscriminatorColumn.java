package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column of a single-table hierarchy that holds each row's {@link DiscriminatorValue}
 * (SQLAlchemy's {@code polymorphic_on}). Optional, on the {@link Inheritance} root only. The column
 * is NOT NULL, written by Quarry on insert and never updated; it is not a property of the entity
 * (a property with the same column name is a compile error), but the metamodel exposes it
 * ({@code QPerson.person.type}) for predicates.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DiscriminatorColumn {
  /** Column name; {@code "dtype"} by default, as in JPA. */
  String name() default "dtype";

  /** VARCHAR length; every discriminator value must fit. */
  int length() default 31;
}
