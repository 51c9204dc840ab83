package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a validator (SQLAlchemy's {@code @validates}): a non-private, non-static entity method
 * taking the property's value (of the property's type) and returning the value to store (possibly normalised), or throwing
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
 *
 * <p>A method taking two parameters is told the property as well (SQLAlchemy's
 * {@code def validate(self, key, value)}), so one method can validate properties of different types:
 * {@code (String property, T value)}, where every named property's type is assignable to {@code T}
 * ({@code Object} always is) and the result is assignable to {@code T}; the generated mapping casts the
 * result back to the property's type.
 *
 * <pre>{@code
 * @Validates({"email", "age"})
 * Object validate(String property, Object value) {
 *   if (property.equals("age") && (Integer) value < 0) throw new IllegalArgumentException("negative");
 *   return value;
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
