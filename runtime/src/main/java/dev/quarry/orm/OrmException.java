package dev.quarry.orm;

/** Base of the errors the ORM raises itself (database errors keep their own types). */
public class OrmException extends dev.quarry.engine.QuarryException {
  private static final long serialVersionUID = 1L;

  public OrmException(String message) {
    super(message);
  }

  public OrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
