package dev.quarry.processor.migrate;

import com.palantir.javapoet.ClassName;

/**
 * The types of quarry-migrate that generated code names. The processor does not depend on that
 * module: it names them, and a compilation with {@code @Revision} classes has it on its class path.
 */
final class MigrateNames {
  private MigrateNames() {}

  static final String PACKAGE = "dev.quarry.migrate";
  static final String REVISION = PACKAGE + ".Revision";
  static final ClassName MIGRATION = ClassName.get(PACKAGE, "Migration");
  static final ClassName REVISION_SOURCE = ClassName.get(PACKAGE, "RevisionSource");
  static final ClassName REVISION_INFO = ClassName.get(PACKAGE, "RevisionInfo");
  static final String SERVICE_FILE = "META-INF/services/" + PACKAGE + ".RevisionSource";
}
