package dev.quarry.processor;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Default SQL and Java names derived from Java names. */
public final class Naming {
  private Naming() {}

  /** {@code OrderItem} → {@code order_item}, {@code createdAt} → {@code created_at}, {@code URLValue} → {@code url_value}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousLower = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
            || Character.isDigit(javaName.charAt(i - 1)));
        boolean acronymEnd = i > 0 && i + 1 < javaName.length() && Character.isUpperCase(javaName.charAt(i - 1))
            && Character.isLowerCase(javaName.charAt(i + 1));
        if ((previousLower || acronymEnd) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code OrderItem} → {@code orderItem}; keywords get a trailing underscore ({@code Package} → {@code package_}). */
  public static String lowerCamel(String simpleName) {
    String name;
    int upper = 0;
    while (upper < simpleName.length() && Character.isUpperCase(simpleName.charAt(upper))) {
      upper++;
    }
    if (upper <= 1) {
      name = simpleName.substring(0, 1).toLowerCase(Locale.ROOT) + simpleName.substring(1);
    } else if (upper == simpleName.length()) {
      name = simpleName.toLowerCase(Locale.ROOT);
    } else {
      // URLValue -> urlValue: lower the acronym except the letter that starts the next word.
      name = simpleName.substring(0, upper - 1).toLowerCase(Locale.ROOT) + simpleName.substring(upper - 1);
    }
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /** {@code name} → {@code Name}. */
  public static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code created_at} → {@code CREATED_AT} style constant name for a property. */
  public static String constantName(String propertyName) {
    return snakeCase(propertyName).toUpperCase(Locale.ROOT);
  }

  /**
   * A column name as a Java field name, the way metamodel foreign-key fields were named before they
   * followed the property: {@code author_id} → {@code authorId}, {@code AuthorId} → {@code AuthorId};
   * keywords get a trailing underscore.
   */
  public static String columnField(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char ch : column.toCharArray()) {
      if (ch == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return SourceVersion.isKeyword(out) ? out + "_" : out.toString();
  }

  /**
   * The metamodel field of a foreign-key column: the referencing name (a to-one property, or for an
   * association table the entity) followed by {@code Id}, or for one column of a composite key by the
   * referenced id property ({@code author} + {@code isbn} → {@code authorIsbn}).
   */
  public static String foreignKeyField(String referencing, String referencedIdProperty) {
    String base = referencing.endsWith("_") && SourceVersion.isKeyword(referencing.substring(0, referencing.length() - 1))
        ? referencing.substring(0, referencing.length() - 1) : referencing;
    return base + (referencedIdProperty == null ? "Id" : capitalize(referencedIdProperty));
  }
}
