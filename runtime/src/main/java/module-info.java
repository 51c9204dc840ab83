/**
 * Quarry's runtime: the engine, the SQL expression language, schema, the ORM and the contract with
 * generated code. Exports the API packages only; {@code *.internal} packages are the
 * implementation and are not exported.
 */
module dev.quarry.runtime {
  requires transitive java.sql;
  requires com.zaxxer.hikari;
  requires org.slf4j;
  // JSON columns: used only when the application puts Jackson on its path.
  requires static com.fasterxml.jackson.databind;

  // Quarry.version().
  exports dev.quarry;
  exports dev.quarry.annotation;
  exports dev.quarry.engine;
  exports dev.quarry.orm;
  exports dev.quarry.orm.async;
  exports dev.quarry.orm.cache;
  exports dev.quarry.orm.shard;
  exports dev.quarry.schema;
  exports dev.quarry.spi;
  exports dev.quarry.sql;
  exports dev.quarry.types;
  // The migrator reads the dialect's DDL facts (transactional DDL, locks); users do not.
  exports dev.quarry.sql.internal to dev.quarry.migrate;

  // Generated registries of the application's entities (the processor writes the service entry).
  uses dev.quarry.spi.MappingRegistry;
  // How the engine finds projections without importing the spi layer above it (Result.into).
  uses dev.quarry.engine.ProjectionResolver;
  provides dev.quarry.engine.ProjectionResolver with dev.quarry.spi.RegistryProjections;
}
