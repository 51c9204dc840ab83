package dev.quarry.engine;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Recognises the in-memory URLs of embedded databases whose naive pooling would give each
 * connection a different, empty database, and what the engine does about them.
 */
final class EmbeddedUrls {
  private EmbeddedUrls() {}

  private static final Pattern SECRET_PARAM = Pattern.compile(
      "(?i)((?:password|passwd|pwd|secret|token|api_?key)\\s*=)[^&;]*");

  /** SQLite databases that live inside one connection: {@code :memory:}, empty path, {@code mode=memory}. */
  static boolean isSqliteMemory(String url) {
    if (url == null) {
      return false;
    }
    String u = url.toLowerCase(Locale.ROOT);
    if (!u.startsWith("jdbc:sqlite:")) {
      return false;
    }
    String rest = u.substring("jdbc:sqlite:".length());
    return rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file::memory:")
        || rest.contains("mode=memory") || rest.startsWith("?");
  }

  /** H2 in-memory URLs ({@code jdbc:h2:mem:...}). */
  static boolean isH2Memory(String url) {
    return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
  }

  /** Whether an H2 URL already keeps its database after the last connection closes. */
  static boolean hasH2CloseDelay(String url) {
    return url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_DELAY=");
  }

  /** An unnamed H2 in-memory URL made into a uniquely named one; other URLs unchanged. */
  static String nameH2Memory(String url) {
    String rest = url.substring("jdbc:h2:mem:".length());
    if (rest.isEmpty() || rest.startsWith(";")) {
      return "jdbc:h2:mem:quarry-" + UUID.randomUUID() + rest;
    }
    return url;
  }

  /** The URL with password-like parameters elided, for messages and logs. */
  static String describe(String url) {
    return url == null ? null : SECRET_PARAM.matcher(url).replaceAll("$1<elided>");
  }
}
