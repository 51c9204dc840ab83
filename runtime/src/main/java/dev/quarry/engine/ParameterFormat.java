package dev.quarry.engine;

import java.util.List;
import java.util.Locale;

/** Renders parameters for messages and logs, eliding the values of secret-looking ones. */
final class ParameterFormat {
  private ParameterFormat() {}

  static final String ELIDED = "<elided>";
  private static final int MAX_VALUE_CHARS = 100;
  private static final String[] SECRET_WORDS = {
      "password", "passwd", "secret", "token", "apikey", "credential", "privatekey"};

  /** Whether a parameter or column name looks like it holds a secret (password, token, api_key …). */
  static boolean isSecret(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (String word : SECRET_WORDS) {
      if (n.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code [name='value', password=<elided>, 3]}. */
  static String format(List<Parameter> parameters) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Parameter p = parameters.get(i);
      if (p.name() != null) {
        sb.append(p.name()).append('=');
      }
      sb.append(isSecret(p.name()) ? ELIDED : value(p.value()));
    }
    return sb.append(']').toString();
  }

  static String value(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[]) {
      return "<" + ((byte[]) value).length + " bytes>";
    }
    String s = String.valueOf(value);
    if (s.length() > MAX_VALUE_CHARS) {
      s = s.substring(0, MAX_VALUE_CHARS) + "…(" + s.length() + " chars)";
    }
    return value instanceof CharSequence || value instanceof Character ? "'" + s + "'" : s;
  }

  /**
   * The driver's message with the values of secret parameters removed: drivers echo values back
   * (H2's duplicate key text, PostgreSQL's "Key (...)=(...)" detail and batch entries).
   */
  static String scrub(String message, List<List<Parameter>> rows) {
    if (message == null) {
      return null;
    }
    String result = message;
    for (List<Parameter> row : rows) {
      for (Parameter p : row) {
        if (isSecret(p.name()) && p.value() != null && !(p.value() instanceof byte[])) {
          String secret = String.valueOf(p.value());
          if (!secret.isEmpty()) {
            result = result.replace(secret, ELIDED);
          }
        }
      }
    }
    return result;
  }

  static boolean hasSecrets(List<List<Parameter>> rows) {
    for (List<Parameter> row : rows) {
      for (Parameter p : row) {
        if (isSecret(p.name()) && p.value() != null) {
          return true;
        }
      }
    }
    return false;
  }
}
