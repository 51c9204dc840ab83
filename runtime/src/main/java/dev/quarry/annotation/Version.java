package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic-locking version: every UPDATE and DELETE checks it and increments it. Allowed on
 * {@code int}, {@code long}, {@code short} (and boxes), {@link java.time.Instant} and
 * {@link java.time.LocalDateTime}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Version {}
