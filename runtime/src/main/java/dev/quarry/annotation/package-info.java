/**
 * Annotations users put on their entity classes. They are read at compile time by the Quarry
 * processor (retention CLASS); the runtime never reads them.
 */
package dev.quarry.annotation;
