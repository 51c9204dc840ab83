package dev.quarry.orm.internal;

import java.util.Locale;

/** Formats values for error messages, eliding values of secret-looking names. */
public final class Values {
  private Values() {}

  static boolean secret(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("passwd") || n.contains("secret") || n.contains("token")
        || n.contains("apikey") || n.contains("api_key") || n.contains("credential") || n.contains("hash");
  }

  public static String describe(String name, Object value) {
    if (value == null) {
      return "null";
    }
    if (secret(name)) {
      return "<elided>";
    }
    if (value instanceof byte[] b) {
      return "byte[" + b.length + "]";
    }
    String s = value instanceof String ? "'" + value + "'" : String.valueOf(value);
    return s.length() > 100 ? s.substring(0, 97) + "..." : s;
  }
}
