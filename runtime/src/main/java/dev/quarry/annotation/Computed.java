package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A computed ("hybrid") property: the annotated getter computes it in Java from other properties,
 * and a static method of the entity gives the same value as SQL, so the generated metamodel can
 * filter, sort and select by it ({@code QUser.user.fullName()}). It is never stored.
 *
 * <pre>{@code
 * @Computed
 * public String getFullName() { return firstName + " " + lastName; }
 *
 * static StringExpression fullName(QUser u) { return u.firstName.concat(" ").concat(u.lastName); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Computed {
  /**
   * Name of the static expression method, which takes the entity's {@code Q} class and returns an
   * {@code Expression}; by default the property name ({@code getFullName} → {@code fullName}).
   */
  String expression() default "";
}
