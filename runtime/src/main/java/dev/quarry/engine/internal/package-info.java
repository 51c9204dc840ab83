/** Helpers the engine shares with the layers above it inside the runtime; not exported. */
package dev.quarry.engine.internal;
