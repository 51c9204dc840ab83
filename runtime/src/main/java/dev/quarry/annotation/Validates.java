package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a validator (SQLAlchemy's {@code @validates}): a non-private, non-static entity method
 * taking the property's value and returning the value to store (possibly normalised), or throwing
 * {@link IllegalArgumentException} to reject it. The session runs it before every INSERT and
 * before UPDATEs that change the property, and reports a rejection as a
 * {@code dev.quarry.orm.ValidationException} naming the entity, property and value.
 *
 * <pre>{@code
 * @Validates("email")
 * String checkEmail(String email) {
 *   if (!email.contains("@")) throw new IllegalArgumentException("not an e-mail address");
 *   return email.toLowerCase();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Validates {
  /** The property (field) names this method validates. */
  String[] value();
}
