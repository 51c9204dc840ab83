package dev.quarry.sample.http;

/** Reads response bodies in the HTTP tests with the app's own Jackson configuration. */
public final class Json {
  private Json() {}

  /** The document as maps, lists, strings, numbers, booleans and nulls. */
  public static Object parse(String text) {
    return JsonMapping.read(text);
  }
}
