package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a parameter of a {@link Dao} method: when the argument is null, the condition that uses it is
 * dropped instead of comparing with NULL. In a derived finder ({@code findByNameAndAge(@DropIfNull
 * String name, int age)}) the condition on {@code name} is left out; in a {@link Query} the
 * condition the parameter appears in is sent as {@code 1 = 1}. The parameter must be of a
 * reference type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface DropIfNull {}
