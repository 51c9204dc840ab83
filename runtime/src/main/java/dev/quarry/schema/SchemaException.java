package dev.quarry.schema;

/** Creating, dropping or inspecting a schema failed; the message names the statement or object. */
public class SchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
