package dev.quarry.migrate.cli;

import dev.quarry.engine.Engine;
import dev.quarry.migrate.Migrator;
import dev.quarry.migrate.Revisions;
import dev.quarry.schema.Metadata;
import dev.quarry.schema.SchemaModel;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.MappingRegistry;
import dev.quarry.sql.Table;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one command works with, made when first needed: the configuration, a class loader over the
 * application's classes, the revision graph, the entities' model, the engine and the migrator.
 */
final class Session implements AutoCloseable {
  private final CommonOptions options;
  private final ClassLoader parent;
  private MigrateConfig config;
  private URLClassLoader own;
  private Engine engine;
  private Revisions revisions;

  Session(CommonOptions options, ClassLoader parent) {
    this.options = options;
    this.parent = parent;
  }

  MigrateConfig config() {
    if (config == null) {
      Path file = options.config != null ? options.config : Path.of(MigrateConfig.FILE_NAME);
      config = MigrateConfig.load(file, options.config != null, options);
    }
    return config;
  }

  /** The loader of the application's classes: the caller's, with {@code --classpath} added. */
  ClassLoader loader() {
    if (options.classpath.isEmpty()) {
      return parent;
    }
    if (own == null) {
      List<URL> urls = new ArrayList<>();
      for (Path p : options.classpath) {
        if (!Files.exists(p)) {
          throw new ConfigException("--classpath names " + p + ", which does not exist");
        }
        try {
          urls.add(p.toUri().toURL());
        } catch (MalformedURLException ex) {
          throw new ConfigException("--classpath entry " + p + " is not a valid path", ex);
        }
      }
      own = new URLClassLoader(urls.toArray(URL[]::new), parent);
    }
    return own;
  }

  /** The revisions compiled into the application's classes. */
  Revisions revisions() {
    if (revisions == null) {
      revisions = Revisions.load(loader());
    }
    return revisions;
  }

  /**
   * The schema the application's entities describe: the tables of every generated mapping registry found
   * (or of those the configuration names). None found is an error: an empty model would read as "drop
   * every table".
   */
  SchemaModel model() {
    List<String> wanted = config().registries();
    Set<String> found = new TreeSet<>();
    List<Table> tables = new ArrayList<>();
    for (ServiceLoader.Provider<MappingRegistry> provider
        : ServiceLoader.load(MappingRegistry.class, loader()).stream().toList()) {
      String name = provider.type().getName();
      found.add(name);
      if (wanted.isEmpty() || wanted.contains(name)) {
        for (EntityMapping<?> mapping : provider.get().mappings()) {
          tables.add(mapping.table());
        }
      }
    }
    if (tables.isEmpty()) {
      throw new ConfigException(found.isEmpty()
          ? "no entity mappings on the class path: compile the entities with quarry-processor and add their "
              + "classes (--classpath target/classes)"
          : "entity.registries names " + wanted + ", but the registries on the class path are " + found);
    }
    return Metadata.of(tables).model();
  }

  Engine engine() {
    if (engine == null) {
      MigrateConfig c = config();
      engine = Engine.create(new DriverDataSource(loader(), c.requireUrl(), c.user(), c.password()));
    }
    return engine;
  }

  /** A migrator; {@code withModel} for the commands that compare with the entities. */
  Migrator migrator(boolean withModel) {
    Migrator.Builder b = Migrator.builder(engine()).revisions(revisions()).versionTable(config().versionTable());
    if (withModel) {
      b.model(model());
    }
    return b.build();
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
    if (own != null) {
      try {
        own.close();
      } catch (IOException ex) {
        // nothing left to do with the classes
      }
    }
  }
}
