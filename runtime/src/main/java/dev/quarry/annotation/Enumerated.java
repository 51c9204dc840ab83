package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an enum property is stored; by name unless this says otherwise. On an enum with a global
 * converter ({@link AutoApply}) it opts the property out of that converter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Enumerated {
  /** STRING (the constant's name, default) or ORDINAL. */
  EnumType value() default EnumType.STRING;
}
