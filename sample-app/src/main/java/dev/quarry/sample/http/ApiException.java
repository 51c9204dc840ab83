package dev.quarry.sample.http;

/** A client error with the HTTP status and the message shown in the JSON error body. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(404, what + " " + id + " does not exist");
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }
}
