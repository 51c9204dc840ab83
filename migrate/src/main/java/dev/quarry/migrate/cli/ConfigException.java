package dev.quarry.migrate.cli;

/** A usage or configuration mistake: exit code 2, the message says what to change. */
final class ConfigException extends RuntimeException {
  ConfigException(String message) {
    super(message);
  }

  ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
