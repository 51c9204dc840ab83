package dev.quarry.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what is public only so that generated code and the runtime's own packages can reach it:
 * not user API, and it changes with the processor in any release (jOOQ's {@code @Internal}).
 *
 * <p>Generated code reaches the runtime through one entry point, this package, which the
 * {@code dev.quarry.runtime} module exports; the implementation lives in the non-exported
 * {@code *.internal} packages.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
public @interface Internal {}
