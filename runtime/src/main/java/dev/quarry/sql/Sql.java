package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Entry points of the SQL expression language, meant for static import:
 *
 * <pre>{@code
 * select(u.name, count().as("n")).from(u).join(o, o.userId.eq(u.id))
 *     .where(u.age.gt(18).and(u.name.startsWith("A"))).groupBy(u.name).orderBy(u.name.asc()).limit(10);
 * insertInto(u).set(u.name, "Ann").returning(u.id);
 * update(u).set(u.age, u.age.plus(1)).where(u.id.eq(7L));
 * text("SELECT * FROM users WHERE age > :min_age").bind("min_age", 18);
 * }</pre>
 */
public final class Sql {
  private Sql() {}

  // --- statements ---------------------------------------------------------------------------

  /** {@code SELECT items…}; a table stands for all of its columns. */
  public static Select select(SelectItem... items) {
    return new SelectImpl(List.of(items), false);
  }

  /** {@code SELECT DISTINCT items…}. */
  public static Select selectDistinct(SelectItem... items) {
    return new SelectImpl(List.of(items), true);
  }

  /** {@code SELECT <all columns> FROM table}. */
  public static Select selectFrom(Table table) {
    return select(table).from(table);
  }

  public static Insert insertInto(Table table) {
    return new InsertImpl(stored(table, "INSERT into"));
  }

  public static Update update(Table table) {
    return new UpdateImpl(stored(table, "UPDATE of"));
  }

  public static Delete deleteFrom(Table table) {
    return new DeleteImpl(stored(table, "DELETE from"));
  }

  /** {@code table}, unless it reads as a join of several stored tables (joined inheritance), which DML cannot target. */
  private static Table stored(Table table, String statement) {
    if (table.source() != null) {
      throw new IllegalArgumentException(statement + " " + table.qualifiedName() + " through the metamodel of a "
          + "joined-inheritance class: its rows are stored in several tables; write to one of its storedTables(), "
          + "or change the objects through a Session");
    }
    return table;
  }

  /** Raw SQL with {@code :name} parameters; the only way to put SQL text of your own into a statement. */
  public static TextQuery text(String sql) {
    return new TextQueryImpl(sql);
  }

  /**
   * The tables a Core statement names — FROM and JOIN items, subqueries and common table
   * expressions, and the target of an INSERT, UPDATE or DELETE — by {@link Table#qualifiedName()}:
   * what a cache of its results is invalidated by. Raw SQL ({@link #text}) is not parsed: its set
   * is empty.
   */
  public static java.util.Set<String> tablesOf(dev.quarry.engine.Executable statement) {
    Objects.requireNonNull(statement, "statement");
    if (!(statement instanceof Node node)) {
      return java.util.Set.of();
    }
    return Statements.tables(node, dev.quarry.sql.internal.Dialect.of(dev.quarry.types.Vendor.OTHER));
  }

  /** A typed result-column key for {@link TextQuery#columns}: read the column labelled {@code label} as {@code type}. */
  public static <T> Expression<T> resultColumn(String label, SqlType<T> type) {
    return Expr.wrap(new Functions.FieldRefNode(null, Objects.requireNonNull(label, "label")), type);
  }

  // --- values and constants -----------------------------------------------------------------

  /** A bound value, typed from its class. */
  public static <T> Expression<T> val(T value) {
    SqlType<T> type = SqlTypes.forValue(value);
    return Expr.wrap(new Ops.ValueNode(new Parameter(null, value, type)), type);
  }

  /** A bound value of an explicit type (for null or converted values). */
  public static <T> Expression<T> val(T value, SqlType<T> type) {
    return Expr.wrap(new Ops.ValueNode(new Parameter(null, type.cast(value), type)), type);
  }

  /** A bound string, usable with string operators. */
  public static StringExpression val(String value) {
    return (StringExpression) Expr.wrap(new Ops.ValueNode(new Parameter(null, value, SqlTypes.VARCHAR)),
        SqlTypes.VARCHAR);
  }

  /** A bound number, usable with arithmetic. */
  @SuppressWarnings("unchecked")
  public static <N extends Number & Comparable<? super N>> NumberExpression<N> val(N value) {
    SqlType<N> type = SqlTypes.forValue(value);
    return (NumberExpression<N>) Expr.wrap(new Ops.ValueNode(new Parameter(null, value, type)), type);
  }

  /** {@code CAST(NULL AS type)}: a typed NULL without a parameter (e.g. a column a derived table does not have). */
  public static <T> Expression<T> nullOf(SqlType<T> type) {
    return Expr.wrap(Ops.Keyword.NULL, type).cast(type);
  }

  /**
   * A bind parameter with {@code like}'s name and type and no value yet (SQLAlchemy's
   * {@code bindparam}): a statement built with such parameters is a template that
   * {@code Connection.executeBatch(template, rows)} runs once per row of values. Unlike
   * {@code eq(null)}, {@code column.eq(Sql.param(column))} always renders {@code = ?}.
   */
  public static <T> Expression<T> param(Expression<T> like) {
    return Ops.bound(like, null);
  }

  /** The constant TRUE (1 on SQLite). */
  public static Predicate trueCondition() {
    return Expr.predicate(Ops.Keyword.TRUE);
  }

  /** The constant FALSE (0 on SQLite). */
  public static Predicate falseCondition() {
    return Expr.predicate(Ops.Keyword.FALSE);
  }

  /** {@code CURRENT_TIMESTAMP}. */
  @SuppressWarnings("unchecked")
  public static ComparableExpression<java.time.LocalDateTime> now() {
    return (ComparableExpression<java.time.LocalDateTime>) Expr.wrap(Ops.Keyword.NOW, SqlTypes.TIMESTAMP);
  }

  /** A random number ({@code RANDOM()} / {@code RAND()}); for {@code orderBy(random())}. */
  @SuppressWarnings("unchecked")
  public static NumberExpression<Double> random() {
    return (NumberExpression<Double>) Expr.wrap(Ops.Keyword.RANDOM, SqlTypes.DOUBLE);
  }

  // --- functions and aggregates -------------------------------------------------------------

  /** {@code COUNT(*)}. */
  @SuppressWarnings("unchecked")
  public static NumberExpression<Long> count() {
    return (NumberExpression<Long>) Expr.wrap(new Functions.FunctionNode("COUNT", false,
        List.of(Expr.wrap(Ops.Keyword.STAR, SqlTypes.ANY)), true), SqlTypes.BIGINT);
  }

  /** {@code COUNT(expression)}. */
  @SuppressWarnings("unchecked")
  public static NumberExpression<Long> count(Expression<?> expression) {
    return (NumberExpression<Long>) Expr.wrap(new Functions.FunctionNode("COUNT", false, List.of(expression), true),
        SqlTypes.BIGINT);
  }

  /** {@code COUNT(DISTINCT expression)}. */
  @SuppressWarnings("unchecked")
  public static NumberExpression<Long> countDistinct(Expression<?> expression) {
    return (NumberExpression<Long>) Expr.wrap(new Functions.FunctionNode("COUNT", true, List.of(expression), true),
        SqlTypes.BIGINT);
  }

  public static <N extends Number & Comparable<? super N>> NumberExpression<N> sum(NumberExpression<N> e) {
    return e.sum();
  }

  public static <N extends Number & Comparable<? super N>> NumberExpression<Double> avg(NumberExpression<N> e) {
    return e.avg();
  }

  public static <T extends Comparable<? super T>> ComparableExpression<T> min(ComparableExpression<T> e) {
    return e.min();
  }

  public static <T extends Comparable<? super T>> ComparableExpression<T> max(ComparableExpression<T> e) {
    return e.max();
  }

  /**
   * A call of a database function by name, e.g. {@code function("substr", SqlTypes.TEXT, u.name, val(1), val(3))}.
   * The name must be a plain identifier (optionally {@code schema.name}); arguments are expressions.
   */
  public static <T> Expression<T> function(String name, SqlType<T> type, Expression<?>... args) {
    return Expr.wrap(new Functions.FunctionNode(name, false, Arrays.asList(args), false), type);
  }

  /** Like {@link #function} for an aggregate function, so that it may take {@code over(window)}. */
  public static <T> Expression<T> aggregate(String name, SqlType<T> type, Expression<?>... args) {
    return Expr.wrap(new Functions.FunctionNode(name, false, Arrays.asList(args), true), type);
  }

  /** {@code COALESCE(first, rest…)}. */
  public static <T> Expression<T> coalesce(Expression<T> first, Expression<?>... rest) {
    List<Expression<?>> args = new ArrayList<>();
    args.add(first);
    args.addAll(Arrays.asList(rest));
    return Expr.wrap(new Functions.FunctionNode("COALESCE", false, args, false), first.type());
  }

  /** String concatenation of the parts. */
  public static StringExpression concat(Expression<?>... parts) {
    if (parts.length < 2) {
      throw new IllegalArgumentException("concat needs at least two parts");
    }
    return new Expr.StringExpr(new Functions.ConcatNode(Arrays.asList(parts)), SqlTypes.TEXT);
  }

  // --- CASE ---------------------------------------------------------------------------------

  /** {@code CASE WHEN condition THEN value …}; finish with {@link CaseBuilder#otherwise} or {@link CaseBuilder#end}. */
  public static <T> CaseBuilder<T, Expression<T>> caseWhen(Predicate condition, Expression<T> value) {
    return new CaseBuilder<T, Expression<T>>(List.of(), List.of(), value.type()).when(condition, value);
  }

  /** {@code CASE WHEN condition THEN ? …} with a bound value. */
  public static <T> CaseBuilder<T, Expression<T>> caseWhen(Predicate condition, T value) {
    return caseWhen(condition, val(Objects.requireNonNull(value, "value (use caseWhen(condition, val(null, type)))")));
  }

  /** A CASE of numbers: the result takes arithmetic and {@code sum()}. */
  public static <N extends Number & Comparable<? super N>> CaseBuilder<N, NumberExpression<N>> caseWhen(
      Predicate condition, NumberExpression<N> value) {
    return new CaseBuilder<N, NumberExpression<N>>(List.of(), List.of(), value.type()).when(condition, value);
  }

  public static <N extends Number & Comparable<? super N>> CaseBuilder<N, NumberExpression<N>> caseWhen(
      Predicate condition, N value) {
    return caseWhen(condition, val(Objects.requireNonNull(value, "value")));
  }

  /** A CASE of strings: the result takes string operators. */
  public static CaseBuilder<String, StringExpression> caseWhen(Predicate condition, StringExpression value) {
    return new CaseBuilder<String, StringExpression>(List.of(), List.of(), value.type()).when(condition, value);
  }

  public static CaseBuilder<String, StringExpression> caseWhen(Predicate condition, String value) {
    return caseWhen(condition, val(Objects.requireNonNull(value, "value")));
  }

  /** A CASE of ordered values (dates, times): the result takes comparisons, min and max. */
  public static <C extends Comparable<? super C>> CaseBuilder<C, ComparableExpression<C>> caseWhen(
      Predicate condition, ComparableExpression<C> value) {
    return new CaseBuilder<C, ComparableExpression<C>>(List.of(), List.of(), value.type()).when(condition, value);
  }

  @SuppressWarnings("unchecked")
  public static <C extends Comparable<? super C>> CaseBuilder<C, ComparableExpression<C>> caseWhen(
      Predicate condition, C value) {
    return caseWhen(condition, (ComparableExpression<C>) val(Objects.requireNonNull(value, "value")));
  }

  /** A CASE of truth values: the result is a condition. */
  public static CaseBuilder<Boolean, Predicate> caseWhen(Predicate condition, Predicate value) {
    return new CaseBuilder<Boolean, Predicate>(List.of(), List.of(), value.type()).when(condition, value);
  }

  public static CaseBuilder<Boolean, Predicate> caseWhen(Predicate condition, Boolean value) {
    return caseWhen(condition, (Predicate) val(Objects.requireNonNull(value, "value")));
  }

  // --- literals and date parts --------------------------------------------------------------

  /**
   * A string written into the SQL text as a literal (quotes and, on MySQL/MariaDB, backslashes
   * escaped), like SQLAlchemy's {@code literal(..., literal_execute)}: for the rare place a
   * database wants a constant rather than a parameter. Values are otherwise always bound.
   */
  public static StringExpression inline(String value) {
    return (StringExpression) Literals.inline(value);
  }

  /** A finite number written into the SQL text. */
  @SuppressWarnings("unchecked")
  public static <N extends Number & Comparable<? super N>> NumberExpression<N> inline(N value) {
    return (NumberExpression<N>) Literals.inline(value);
  }

  /** TRUE or FALSE (1 or 0 on SQLite) written into the SQL text. */
  public static Predicate inline(Boolean value) {
    return (Predicate) Literals.inline(value);
  }

  /** A {@code LocalDate}, {@code LocalTime} or {@code LocalDateTime} written into the SQL text. */
  @SuppressWarnings("unchecked")
  public static <C extends Comparable<? super C>> ComparableExpression<C> inline(C value) {
    return (ComparableExpression<C>) Literals.inline(value);
  }

  /**
   * {@code EXTRACT(part FROM value)} of a DATE, TIME or TIMESTAMP expression as an integer,
   * rendered per database (strftime on SQLite).
   */
  @SuppressWarnings("unchecked")
  public static NumberExpression<Integer> extract(DatePart part, Expression<?> value) {
    boolean dateOnly = Literals.dateOnly(value.type(), "extract", true);
    boolean timeOnly = value.type().kind() == dev.quarry.types.TypeKind.TIME;
    if (dateOnly && part.isTimeOfDay() || timeOnly && !part.isTimeOfDay()) {
      throw new IllegalArgumentException("a " + value.type().describe() + " has no " + part);
    }
    return (NumberExpression<Integer>) Expr.wrap(new Literals.DatePartNode(false, part, value, dateOnly),
        SqlTypes.INTEGER);
  }

  public static NumberExpression<Integer> year(Expression<?> value) {
    return extract(DatePart.YEAR, value);
  }

  public static NumberExpression<Integer> month(Expression<?> value) {
    return extract(DatePart.MONTH, value);
  }

  public static NumberExpression<Integer> day(Expression<?> value) {
    return extract(DatePart.DAY, value);
  }

  public static NumberExpression<Integer> hour(Expression<?> value) {
    return extract(DatePart.HOUR, value);
  }

  public static NumberExpression<Integer> minute(Expression<?> value) {
    return extract(DatePart.MINUTE, value);
  }

  public static NumberExpression<Integer> second(Expression<?> value) {
    return extract(DatePart.SECOND, value);
  }

  /**
   * A DATE or TIMESTAMP expression truncated to {@code part} ({@code date_trunc}), of the same
   * type: the start of its year, month, day, hour… (a DATE only to YEAR, MONTH or DAY).
   */
  @SuppressWarnings("unchecked")
  public static <T extends Comparable<? super T>> ComparableExpression<T> dateTrunc(DatePart part,
      Expression<T> value) {
    boolean dateOnly = Literals.dateOnly(value.type(), "dateTrunc", false);
    if (dateOnly && part.isTimeOfDay()) {
      throw new IllegalArgumentException("a DATE cannot be truncated to " + part + "; cast it to a TIMESTAMP");
    }
    return (ComparableExpression<T>) Expr.wrap(new Literals.DatePartNode(true, part, value, dateOnly), value.type());
  }

  // --- predicates ---------------------------------------------------------------------------

  /** {@code EXISTS (SELECT …)}. */
  public static Predicate exists(Query subquery) {
    return Expr.predicate(new Ops.SubqueryNode("EXISTS ", Statements.queryNode(subquery)));
  }

  /** {@code NOT EXISTS (SELECT …)}. */
  public static Predicate notExists(Query subquery) {
    return Expr.predicate(new Ops.SubqueryNode("NOT EXISTS ", Statements.queryNode(subquery)));
  }

  /** All conditions; an empty list is TRUE. */
  public static Predicate and(Predicate... conditions) {
    return Ops.logical("AND", Arrays.asList(conditions));
  }

  public static Predicate and(List<? extends Predicate> conditions) {
    return Ops.logical("AND", conditions);
  }

  /** Any condition; an empty list is FALSE. */
  public static Predicate or(Predicate... conditions) {
    return Ops.logical("OR", Arrays.asList(conditions));
  }

  public static Predicate or(List<? extends Predicate> conditions) {
    return Ops.logical("OR", conditions);
  }

  public static Predicate not(Predicate condition) {
    return condition.not();
  }

  /** Several expressions as one row value, e.g. a composite key: {@code row(t.a, t.b).in(rows)}. */
  public static RowValue row(Expression<?>... expressions) {
    return new RowValueImpl(Arrays.asList(expressions));
  }

  // --- window functions ---------------------------------------------------------------------

  /** An empty window, to refine with partitionBy / orderBy / rowsBetween. */
  public static Window window() {
    return Window.EMPTY;
  }

  public static RankingFunction rowNumber() {
    return ranking("ROW_NUMBER");
  }

  public static RankingFunction rank() {
    return ranking("RANK");
  }

  public static RankingFunction denseRank() {
    return ranking("DENSE_RANK");
  }

  @SuppressWarnings("unchecked")
  private static RankingFunction ranking(String name) {
    Expression<Long> call = Expr.wrap(new Functions.FunctionNode(name, false, List.of(), true), SqlTypes.BIGINT);
    return w -> (NumberExpression<Long>) Expr.wrap(new Window.OverNode(call, w), SqlTypes.BIGINT);
  }

  // --- tables -------------------------------------------------------------------------------

  /** {@code WITH name AS (query)}. */
  public static CommonTable cte(String name, Query query) {
    return new CommonTableImpl(name, Statements.queryNode(query));
  }

  /**
   * {@code WITH RECURSIVE name AS (anchor UNION ALL step)}, where {@code step} receives the table
   * itself so that it can select from it and reference its columns ({@code t.field(...)}).
   */
  public static CommonTable recursiveCte(String name, Query anchor, Function<CommonTable, Query> step) {
    return new CommonTableImpl(name, Statements.queryNode(anchor), step, true);
  }

  /**
   * A sort key given as a string ({@code "name"}, {@code "-age"}, {@code "age desc nulls last"}),
   * resolved against the table's columns; anything else is rejected.
   */
  public static SortField sort(TableLike table, String key) {
    return Statements.resolveSortKey(key, Statements.columnsOf(table), String.valueOf(table));
  }

  // --- upserts and updates ------------------------------------------------------------------

  /** In an upsert's update, the value the conflicting row would have inserted into {@code column}. */
  public static <T> Expression<T> excluded(Column<T> column) {
    return Expr.wrap(new Functions.ExcludedNode(column.name()), column.type());
  }

  /** {@code column = value} for {@link ConflictAction#doUpdate(Assignment...)}. */
  public static <T> Assignment set(Column<T> column, T value) {
    return new Assignment(column, Ops.bound(column, value));
  }

  /** {@code column = expression}. */
  public static <T> Assignment set(Column<T> column, Expression<? extends T> value) {
    return new Assignment(column, value);
  }
}
