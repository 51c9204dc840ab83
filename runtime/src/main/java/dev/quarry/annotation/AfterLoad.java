package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lifecycle callback: Called by the session after the entity's state was loaded or refreshed from a row.
 * Put it on a non-private, non-static, no-argument method of an {@link Entity}; the processor
 * generates the call in the mapping's {@code onLifecycle} (no reflection).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AfterLoad {}
