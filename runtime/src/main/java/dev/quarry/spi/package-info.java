/**
 * What generated code implements and the runtime calls. Internal: not user API; it changes with
 * the processor.
 */
package dev.quarry.spi;
