/**
 * The one entry point generated code uses to reach the runtime: what generated mappings and
 * registries implement ({@link dev.quarry.spi.EntityMapping}, {@link dev.quarry.spi.MappingRegistry})
 * and the factories they call ({@link dev.quarry.spi.RelationInfo}, {@link dev.quarry.spi.JoinedTables}).
 * {@link dev.quarry.spi.Internal}: not user API; it changes with the processor.
 */
@Internal
package dev.quarry.spi;
