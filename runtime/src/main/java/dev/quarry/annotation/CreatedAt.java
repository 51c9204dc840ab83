package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the property to the current time on insert when it is null. Allowed on
 * {@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime} and {@code LocalDate}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface CreatedAt {}
