package dev.quarry.spi;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import dev.quarry.sql.DataChange;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code @Query} checked at compile time, with its parameters bound: the JDBC text the checker
 * produced, assembled from its parts (an optional condition whose parameter is null is sent as
 * {@code 1 = 1}), the values bound with the types generated code chose, and the result columns the
 * checker typed. The engine runs it like any other {@code Executable}; a session that runs one
 * that changes rows of an entity's table expires that entity's loaded objects ({@link DataChange}).
 *
 * <p>Generated DAOs keep one {@link Template} per method in a static field and {@link
 * Template#bind bind} it per call. A collection value (for {@code IN (:names)}) is expanded to one
 * placeholder per element ({@code NULL} for an empty collection, which matches nothing).
 *
 * <p>A query returning a page runs twice: {@link #counting()} wraps it as {@code SELECT COUNT(*)
 * FROM (…) counted}, and {@link #paged} appends the paging clause as the connection's dialect
 * renders it ({@code LIMIT ? OFFSET ?}, H2's {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY}), both
 * values bound.
 */
@Internal
public final class CheckedStatement implements DataChange {
  private static final java.util.List<ResultColumn> COUNT_COLUMN = List.of(new ResultColumn("count", "count",
      dev.quarry.types.SqlTypes.BIGINT));

  private final Template template;
  private final Parameter[] values;
  /** The statement as written ({@code null}), its row count ({@code COUNT}) or a page of it ({@code PAGE}). */
  private final Shape shape;
  private final int limit;
  private final int offset;

  private enum Shape { COUNT, PAGE }

  private CheckedStatement(Template template, Parameter[] values) {
    this(template, values, null, 0, 0);
  }

  private CheckedStatement(Template template, Parameter[] values, Shape shape, int limit, int offset) {
    this.template = template;
    this.values = values;
    this.shape = shape;
    this.limit = limit;
    this.offset = offset;
  }

  /** The number of rows this query returns: {@code SELECT COUNT(*) FROM (<this>) counted}. */
  public CheckedStatement counting() {
    return new CheckedStatement(template, values, Shape.COUNT, 0, 0);
  }

  /**
   * At most {@code limit} rows of this query after skipping {@code offset}: the dialect's paging
   * clause after the text (whose ORDER BY, if any, it keeps). The processor refuses a query with
   * its own LIMIT, OFFSET or FETCH for this.
   */
  public CheckedStatement paged(int limit, int offset) {
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative; got " + limit + ", " + offset);
    }
    return new CheckedStatement(template, values, Shape.PAGE, limit, offset);
  }

  /** A template to add parts and result columns to. */
  public static Builder builder() {
    return new Builder();
  }

  /** The SQL text for these values (optional conditions resolved, collections expanded). */
  public String sql() {
    return compile(null, IdentifierQuoting.AS_NEEDED).sql();
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    long dropped = 0;
    boolean collections = false;
    for (int p = 0; p < template.parts.size(); p++) {
      Part part = template.parts.get(p);
      if (part.optional != null && value(part.optional) == null) {
        dropped |= 1L << Math.min(p, 63);
        continue;
      }
      for (String name : part.parameters) {
        collections |= value(name) instanceof Collection<?>;
      }
    }
    List<Parameter> bound = new ArrayList<>();
    String text = collections ? null : template.texts.get(dropped);
    StringBuilder sql = text == null ? new StringBuilder() : null;
    for (int p = 0; p < template.parts.size(); p++) {
      Part part = template.parts.get(p);
      boolean drop = part.optional != null && value(part.optional) == null;
      if (drop) {
        if (sql != null) {
          sql.append("1 = 1");
        }
        continue;
      }
      if (sql != null) {
        sql.append(part.segments[0]);
      }
      for (int i = 0; i < part.parameters.size(); i++) {
        Parameter value = parameter(part.parameters.get(i));
        if (value.value() instanceof Collection<?> many) {
          if (many.isEmpty()) {
            if (sql != null) {
              sql.append("NULL");
            }
          } else {
            int n = 0;
            for (Object element : many) {
              if (sql != null) {
                sql.append(n++ == 0 ? "?" : ", ?");
              }
              bound.add(new Parameter(value.name(), element, value.type()));
            }
          }
        } else {
          if (sql != null) {
            sql.append('?');
          }
          bound.add(value);
        }
        if (sql != null) {
          sql.append(part.segments[i + 1]);
        }
      }
    }
    if (sql != null) {
      text = sql.toString();
      if (!collections) {
        template.texts.putIfAbsent(dropped, text);
      }
    }
    if (shape == Shape.COUNT) {
      return new CompiledStatement("SELECT COUNT(*) FROM (" + text + ") counted", bound, COUNT_COLUMN, List.of());
    }
    if (shape == Shape.PAGE) {
      StringBuilder paged = new StringBuilder(text.length() + 32).append(text);
      Parameter limitValue = new Parameter("limit", limit, dev.quarry.types.SqlTypes.INTEGER);
      Parameter offsetValue = new Parameter("offset", offset, dev.quarry.types.SqlTypes.INTEGER);
      // the dialect decides the order of the two placeholders (H2 writes OFFSET first)
      Dialect.of(vendor == null ? Vendor.OTHER : vendor, quoting).limitOffset(paged,
          s -> { s.append('?'); bound.add(limitValue); },
          s -> { s.append('?'); bound.add(offsetValue); });
      text = paged.toString();
    }
    return new CompiledStatement(text, bound, template.columns, List.of());
  }

  private Object value(String name) {
    return parameter(name).value();
  }

  private Parameter parameter(String name) {
    for (Parameter p : values) {
      if (name.equals(p.name())) {
        return p;
      }
    }
    throw new IllegalArgumentException("no value bound for parameter :" + name + " of " + template.parts);
  }

  /** The entity table the statement writes, or null when it is a query or writes no entity's table. */
  @Override
  public Table table() {
    return template.table;
  }

  /** Whether it updates or deletes rows of {@link #table()} (a session then expires that entity's objects). */
  @Override
  public boolean changesExistingRows() {
    return template.table != null && template.changesExistingRows;
  }

  @Override
  public String toString() {
    return sql();
  }

  /** One piece of the text: always sent, or an optional condition dropped when its parameter is null. */
  private static final class Part {
    final String optional;
    final String sql;
    final List<String> parameters;
    /** The text around each {@code ?}: one more than there are parameters. */
    final String[] segments;

    Part(String optional, String sql, List<String> parameters) {
      this.optional = optional;
      this.sql = sql;
      this.parameters = List.copyOf(parameters);
      this.segments = split(sql);
      if (segments.length != parameters.size() + 1) {
        throw new IllegalArgumentException("'" + sql + "' has " + (segments.length - 1) + " placeholders but "
            + parameters.size() + " parameters " + parameters);
      }
    }

    /** Splits at each {@code ?} outside quotes. */
    private static String[] split(String sql) {
      List<String> out = new ArrayList<>();
      int start = 0;
      char quote = 0;
      for (int i = 0; i < sql.length(); i++) {
        char c = sql.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"' || c == '`') {
          quote = c;
        } else if (c == '?') {
          out.add(sql.substring(start, i));
          start = i + 1;
        }
      }
      out.add(sql.substring(start));
      return out.toArray(new String[0]);
    }

    @Override
    public String toString() {
      return optional == null ? sql : "[" + sql + " if :" + optional + " is not null]";
    }
  }

  /** Builds a {@link Template}. */
  public static final class Builder {
    private final List<Part> parts = new ArrayList<>();
    private final List<ResultColumn> columns = new ArrayList<>();
    private Table table;
    private boolean changesExistingRows;

    private Builder() {}

    /** Text always sent; {@code parameters} name the values of its {@code ?}s in order. */
    public Builder text(String sql, String... parameters) {
      parts.add(new Part(null, sql, List.of(parameters)));
      return this;
    }

    /** A condition sent as {@code 1 = 1} when {@code parameter} is null. */
    public Builder optional(String parameter, String sql, String... parameters) {
      parts.add(new Part(Objects.requireNonNull(parameter, "parameter"), sql, List.of(parameters)));
      return this;
    }

    /** The next result column: its label and the type reading it. */
    public Builder column(String label, SqlType<?> type) {
      columns.add(new ResultColumn(label, label, type));
      return this;
    }

    /** The entity table the statement writes, and whether existing rows may change or go. */
    public Builder changes(Table table, boolean existingRows) {
      this.table = table;
      this.changesExistingRows = existingRows;
      return this;
    }

    public Template build() {
      return new Template(this);
    }
  }

  /** A checked statement without values: immutable and shared; the text is memoised per set of dropped conditions. */
  public static final class Template {
    private final List<Part> parts;
    private final List<ResultColumn> columns;
    private final Table table;
    private final boolean changesExistingRows;
    private final ConcurrentHashMap<Long, String> texts = new ConcurrentHashMap<>();

    private Template(Builder b) {
      this.parts = List.copyOf(b.parts);
      this.columns = List.copyOf(b.columns);
      this.table = b.table;
      this.changesExistingRows = b.changesExistingRows;
    }

    /** The statement with these values (each named after the parameter it is for). */
    public CheckedStatement bind(Parameter... values) {
      return new CheckedStatement(this, values.clone());
    }
  }
}
