package dev.quarry.processor.catalog;

import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.query.CatalogColumn;
import dev.quarry.processor.query.CatalogTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The table resources a compilation ships for the {@code @Query} checks of other modules:
 * {@code quarry-table.<name>.properties} at the root of the class output, one per table its
 * entities map. See the package documentation for the format, and for why not under {@code META-INF}.
 */
public final class TableResources {
  /** The start of every resource's name; the resources sit at the root of the class output and of jars. */
  public static final String PREFIX = "quarry-table.";
  /** The format written in the {@code format} key; a reader skips a resource of a format it does not know. */
  static final String FORMAT = "1";

  private TableResources() {}

  /** The lookup key of a table name: lower-cased, as the databases fold plain names. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The resource of table {@code name} ({@code schema.table} when qualified): its lower-cased name,
   * each character other than {@code a-z 0-9 . _ - $} written as {@code ~} and four hex digits.
   */
  public static String path(String name) {
    StringBuilder out = new StringBuilder(PREFIX);
    for (char ch : key(name).toCharArray()) {
      if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '.' || ch == '_' || ch == '-' || ch == '$') {
        out.append(ch);
      } else {
        out.append('~').append(String.format("%04x", (int) ch));
      }
    }
    return out.append(".properties").toString();
  }

  /**
   * Writes the resource of every table of {@code models} whose (lower-cased) name is not in
   * {@code written}, and adds it there (a compilation writes each table once, in whichever round).
   */
  public static void write(Filer filer, Collection<EntityModel> models, Set<String> written) throws IOException {
    for (EntityTables.Mapped m : EntityTables.of(models)) {
      if (!written.add(key(m.table().name()))) {
        continue;
      }
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(m.table().name()),
          m.entities().toArray(new TypeElement[0]));
      try (OutputStream out = file.openOutputStream()) {
        out.write(text(m.table()).getBytes(StandardCharsets.ISO_8859_1));
      }
    }
  }

  /** The resource text of {@code table} (ASCII; a {@link Properties} file, keys in a fixed order). */
  static String text(CatalogTable table) {
    StringBuilder out = new StringBuilder();
    out.append("# Quarry: a table of this module's entities, for the @Query checks of modules that use it.\n");
    out.append("# column.N = <Java type values read as> <null|not-null> <column name>, in table order\n");
    out.append("format=").append(FORMAT).append('\n');
    out.append("table=").append(escape(table.name())).append('\n');
    for (int i = 0; i < table.columns().size(); i++) {
      CatalogColumn c = table.columns().get(i);
      out.append("column.").append(i + 1).append('=').append(escape(c.javaType())).append(' ')
          .append(c.nullable() ? "null" : "not-null").append(' ').append(escape(c.name())).append('\n');
    }
    return out.toString();
  }

  /** The table a resource describes, or empty when it is not one this reader understands. */
  static Optional<CatalogTable> parse(Reader text) throws IOException {
    Properties p = new Properties();
    p.load(text);
    String table = p.getProperty("table");
    if (!FORMAT.equals(p.getProperty("format")) || table == null || table.isEmpty()) {
      return Optional.empty();
    }
    List<CatalogColumn> columns = new ArrayList<>();
    for (int i = 1; p.getProperty("column." + i) != null; i++) {
      String[] parts = p.getProperty("column." + i).split(" ", 3);
      if (parts.length != 3 || !(parts[1].equals("null") || parts[1].equals("not-null")) || parts[2].isEmpty()) {
        return Optional.empty();
      }
      columns.add(new CatalogColumn(parts[2], parts[0], parts[1].equals("null")));
    }
    return Optional.of(new CatalogTable(table, columns));
  }

  /** The table {@code name} as a resource on the compilation's class path describes it, or empty. */
  static Optional<CatalogTable> read(Filer filer, String name) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", path(name));
      try (InputStream in = file.openInputStream();
           Reader reader = new InputStreamReader(in, StandardCharsets.ISO_8859_1)) {
        Optional<CatalogTable> table = parse(reader);
        // the file name folds case and characters; a different table behind the same file is not this one
        return table.filter(t -> key(t.name()).equals(key(name)));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException ex) {
      return Optional.empty(); // not on the class path (FileNotFoundException), unreadable, or an invalid name
    }
  }

  static Optional<CatalogTable> parse(String text) {
    try {
      return parse(new StringReader(text));
    } catch (IOException | IllegalArgumentException ex) {
      return Optional.empty();
    }
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
