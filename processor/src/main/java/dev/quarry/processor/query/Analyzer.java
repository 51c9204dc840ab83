package dev.quarry.processor.query;

import dev.quarry.processor.Errors;
import dev.quarry.processor.query.CheckedQuery.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Resolves a parsed statement against the catalog: scopes of tables, aliases, derived tables and
 * CTEs; every column; the type each parameter is compared with; the type of each result column.
 */
final class Analyzer {
  /** An expression's type: the qualified boxed Java type (null when unknown) and whether it may be NULL. */
  record Typ(String java, boolean nullable) {
    static final Typ UNKNOWN = new Typ(null, true);

    Typ orNull(boolean more) {
      return more && !nullable ? new Typ(java, true) : this;
    }
  }

  /** A column of a source in scope. */
  record Col(String name, String java, boolean nullable) {}

  /** A table, derived table or CTE in a FROM clause. */
  static final class Source {
    final String alias; // the name it is qualified with (alias, else the table's name)
    final boolean aliasQuoted;
    final String tableName; // the catalog table or CTE name, for messages and for qualification by name
    final List<Col> columns;
    final boolean opaque; // a source whose columns are unknown: accepts every name
    boolean outer; // on the nullable side of an outer join

    Source(String alias, boolean aliasQuoted, String tableName, List<Col> columns, boolean opaque) {
      this.alias = alias;
      this.aliasQuoted = aliasQuoted;
      this.tableName = tableName;
      this.columns = columns;
      this.opaque = opaque;
    }

    String describe() {
      if (tableName == null) {
        return alias == null ? "the derived table" : alias;
      }
      return alias == null || alias.equalsIgnoreCase(tableName) ? tableName : tableName + " " + alias;
    }
  }

  /** A CTE: its name and result columns (null when the checker cannot know them). */
  record Cte(String name, List<ResultColumn> columns) {}

  static final class Scope {
    final Scope parent;
    final List<Source> sources = new ArrayList<>();
    final Map<String, Cte> ctes = new LinkedHashMap<>();
    final Set<String> merged = new java.util.HashSet<>(); // JOIN ... USING / NATURAL JOIN columns, lower case
    List<ResultColumn> outputs = List.of(); // select-list labels, for ORDER BY / GROUP BY

    Scope(Scope parent) {
      this.parent = parent;
    }

    Optional<Cte> cte(String name, boolean quoted) {
      for (Scope s = this; s != null; s = s.parent) {
        for (Cte c : s.ctes.values()) {
          if (quoted ? c.name.equals(name) : c.name.equalsIgnoreCase(name)) {
            return Optional.of(c);
          }
        }
      }
      return Optional.empty();
    }
  }

  /** A use of a named parameter: the type the query compares it with (null when unknown) and where. */
  record ParamUse(String java, String context) {}

  private final Catalog catalog;
  private final Set<SqlDialect> dialects;
  private final IntFunction<String> parameterName;
  final Set<Problem> problems = new LinkedHashSet<>();
  final Map<String, List<ParamUse>> uses = new LinkedHashMap<>();

  Analyzer(Catalog catalog, Set<SqlDialect> dialects, IntFunction<String> parameterName) {
    this.catalog = catalog;
    this.dialects = dialects;
    this.parameterName = parameterName;
  }

  private void problem(ProblemKind kind, String message) {
    problems.add(new Problem(kind, message));
  }

  // --- statements -------------------------------------------------------------------------------

  List<ResultColumn> select(Select select, Scope parent) {
    Scope scope = new Scope(parent);
    withItems(select.getWithItemsList(), scope);
    List<ResultColumn> result;
    if (select instanceof PlainSelect ps) {
      result = plainSelect(ps, scope);
    } else if (select instanceof SetOperationList sol) {
      result = setOperation(sol, scope);
    } else if (select instanceof ParenthesedSelect p) {
      result = select(p.getSelect(), scope);
    } else if (select instanceof Values v) {
      result = values(v, scope);
    } else {
      result = List.of();
    }
    if (!(select instanceof PlainSelect)) {
      Scope order = new Scope(scope);
      order.outputs = result;
      orderLimit(select, order);
    }
    return result;
  }

  private List<ResultColumn> values(Values values, Scope scope) {
    List<ResultColumn> cols = new ArrayList<>();
    ExpressionList<?> rows = values.getExpressions();
    if (rows == null || rows.isEmpty()) {
      return cols;
    }
    Expression first = rows.get(0);
    List<? extends Expression> items = first instanceof ExpressionList<?> l ? l : rows;
    int i = 1;
    for (Expression e : items) {
      Typ t = expr(e, scope, null);
      cols.add(new ResultColumn("column" + i++, javaOf(t), t.nullable));
    }
    for (Expression row : rows) {
      if (row != first && row instanceof ExpressionList<?> l) {
        for (Expression e : l) {
          expr(e, scope, null);
        }
      }
    }
    return cols;
  }

  private void withItems(List<WithItem<?>> items, Scope scope) {
    if (items == null) {
      return;
    }
    for (WithItem<?> item : items) {
      String name = unquote(item.getAliasName());
      List<String> names = new ArrayList<>();
      if (item.getWithItemList() != null) {
        for (SelectItem<?> si : item.getWithItemList()) {
          names.add(unquote(si.getExpression().toString()));
        }
      }
      ParenthesedSelect body = item.getParenthesedStatement() instanceof ParenthesedSelect p ? p : null;
      if (body == null) {
        problem(ProblemKind.UNSUPPORTED_STATEMENT, Errors.queryUnsupported("a data-modifying WITH item (" + name + ")"));
        scope.ctes.put(name, new Cte(name, null)); // its columns are unknown: no problems that follow from it
        continue;
      }
      if (item.isRecursive() && body.getSelect() instanceof SetOperationList sol && !sol.getSelects().isEmpty()) {
        // the anchor (first) select types the CTE the recursive part reads
        Analyzer quiet = new Analyzer(catalog, dialects, parameterName);
        List<ResultColumn> anchor = quiet.select(sol.getSelects().get(0), scope);
        scope.ctes.put(name, new Cte(name, rename(anchor, names, name)));
      }
      List<ResultColumn> cols = select(body, scope);
      if (!names.isEmpty() && names.size() != cols.size()) {
        problem(ProblemKind.COLUMN_COUNT_MISMATCH, Errors.queryCteColumnCount(name, names.size(), cols.size()));
      }
      scope.ctes.put(name, new Cte(name, rename(cols, names, name)));
    }
  }

  private static List<ResultColumn> rename(List<ResultColumn> cols, List<String> names, String owner) {
    if (names.isEmpty()) {
      return cols;
    }
    List<ResultColumn> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ResultColumn c = i < cols.size() ? cols.get(i) : new ResultColumn(names.get(i), JavaTypes.OBJECT, true);
      out.add(new ResultColumn(names.get(i), c.javaType(), c.nullable()));
    }
    return out;
  }

  private List<ResultColumn> setOperation(SetOperationList sol, Scope scope) {
    List<List<ResultColumn>> branches = new ArrayList<>();
    for (Select s : sol.getSelects()) {
      branches.add(select(s, scope));
    }
    if (branches.isEmpty()) {
      return List.of();
    }
    List<ResultColumn> first = branches.get(0);
    List<ResultColumn> out = new ArrayList<>(first);
    for (int b = 1; b < branches.size(); b++) {
      List<ResultColumn> other = branches.get(b);
      if (other.size() != first.size()) {
        String op = sol.getOperations().isEmpty() ? "UNION"
            : sol.getOperations().get(Math.min(b - 1, sol.getOperations().size() - 1)).toString();
        problem(ProblemKind.COLUMN_COUNT_MISMATCH, Errors.querySetOperationColumnCount(op, first.size(), b + 1,
            other.size()));
        continue;
      }
      for (int i = 0; i < out.size(); i++) {
        ResultColumn a = out.get(i);
        ResultColumn o = other.get(i);
        String type = a.javaType().equals(JavaTypes.OBJECT) ? o.javaType()
            : o.javaType().equals(JavaTypes.OBJECT) ? a.javaType() : JavaTypes.promote(a.javaType(), o.javaType());
        out.set(i, new ResultColumn(a.label(), type, a.nullable() || o.nullable()));
      }
    }
    return out;
  }

  private List<ResultColumn> plainSelect(PlainSelect ps, Scope scope) {
    from(ps.getFromItem(), ps.getJoins(), scope);
    if (ps.getWhere() != null) {
      expr(ps.getWhere(), scope, JavaTypes.BOOLEAN);
    }
    List<ResultColumn> result = selectItems(ps.getSelectItems(), scope);
    scope.outputs = result;
    if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
      for (SelectItem<?> si : ps.getDistinct().getOnSelectItems()) {
        expr(si.getExpression(), scope, null);
      }
    }
    if (ps.getGroupBy() != null && ps.getGroupBy().getGroupByExpressionList() != null) {
      for (Object e : ps.getGroupBy().getGroupByExpressionList()) {
        expr((Expression) e, scope, null);
      }
    }
    if (ps.getHaving() != null) {
      expr(ps.getHaving(), scope, JavaTypes.BOOLEAN);
    }
    if (ps.getQualify() != null) {
      expr(ps.getQualify(), scope, JavaTypes.BOOLEAN);
    }
    orderLimit(ps, scope);
    return result;
  }

  private void orderLimit(Select select, Scope scope) {
    if (select.getOrderByElements() != null) {
      for (OrderByElement o : select.getOrderByElements()) {
        expr(o.getExpression(), scope, null);
      }
    }
    if (select.getLimit() != null) {
      expr(select.getLimit().getRowCount(), scope, JavaTypes.LONG);
      expr(select.getLimit().getOffset(), scope, JavaTypes.LONG);
    }
    if (select.getOffset() != null) {
      expr(select.getOffset().getOffset(), scope, JavaTypes.LONG);
    }
    if (select.getFetch() != null) {
      expr(select.getFetch().getExpression(), scope, JavaTypes.LONG);
    }
  }

  private List<ResultColumn> selectItems(List<SelectItem<?>> items, Scope scope) {
    List<ResultColumn> out = new ArrayList<>();
    for (SelectItem<?> item : items) {
      Expression e = item.getExpression();
      if (e instanceof AllTableColumns atc) {
        Source s = qualifier(atc.getTable(), scope, atc.toString());
        if (s != null) {
          for (Col c : s.columns) {
            out.add(new ResultColumn(c.name, c.java, c.nullable || s.outer));
          }
        }
      } else if (e instanceof AllColumns) {
        for (Source s : scope.sources) {
          for (Col c : s.columns) {
            out.add(new ResultColumn(c.name, c.java, c.nullable || s.outer));
          }
        }
      } else {
        Typ t = expr(e, scope, null);
        String label;
        if (item.getAlias() != null) {
          label = unquote(item.getAlias().getName());
        } else if (e instanceof Column c) {
          label = unquote(c.getColumnName());
        } else {
          label = e.toString();
        }
        out.add(new ResultColumn(label, javaOf(t), t.nullable));
      }
    }
    return out;
  }

  static String javaOf(Typ t) {
    return t.java == null ? JavaTypes.OBJECT : t.java;
  }

  // --- FROM -------------------------------------------------------------------------------------

  private void from(FromItem first, List<Join> joins, Scope scope) {
    if (first == null) {
      return;
    }
    fromItem(first, scope);
    if (joins != null) {
      for (Join j : joins) {
        int before = scope.sources.size();
        fromItem(j.getRightItem(), scope);
        if (j.isNatural()) {
          for (int i = before; i < scope.sources.size(); i++) {
            for (Col c : scope.sources.get(i).columns) {
              for (int k = 0; k < before; k++) {
                if (find(scope.sources.get(k), c.name, false) != null) {
                  scope.merged.add(c.name.toLowerCase(Locale.ROOT));
                }
              }
            }
          }
        }
        if (j.getUsingColumns() != null) {
          j.getUsingColumns().forEach(c -> scope.merged.add(unquote(c.getColumnName()).toLowerCase(Locale.ROOT)));
        }
        if (j.isLeft() || j.isFull()) {
          for (int i = before; i < scope.sources.size(); i++) {
            scope.sources.get(i).outer = true;
          }
        }
        if (j.isRight() || j.isFull()) {
          for (int i = 0; i < before; i++) {
            scope.sources.get(i).outer = true;
          }
        }
      }
      for (Join j : joins) {
        if (j.getOnExpressions() != null) {
          for (Expression on : j.getOnExpressions()) {
            expr(on, scope, JavaTypes.BOOLEAN);
          }
        }
        if (j.getUsingColumns() != null) {
          for (Column c : j.getUsingColumns()) {
            usingColumn(c, scope);
          }
        }
      }
    }
  }

  private void usingColumn(Column c, Scope scope) {
    String name = unquote(c.getColumnName());
    boolean quoted = isQuoted(c.getColumnName());
    long count = scope.sources.stream().filter(s -> s.opaque || find(s, name, quoted) != null).count();
    if (count == 0) {
      unknownColumn(name, scope.sources, scope);
    }
  }

  private void fromItem(FromItem item, Scope scope) {
    if (item instanceof Table t) {
      Source s = table(t, scope, true);
      if (s != null) {
        scope.sources.add(s);
      }
    } else if (item instanceof ParenthesedSelect ps) {
      // a derived table sees the CTEs and the enclosing queries, not its siblings (unless LATERAL)
      Scope outer = scope;
      if (!(item instanceof net.sf.jsqlparser.statement.select.LateralSubSelect)) {
        outer = new Scope(scope.parent);
        outer.ctes.putAll(scope.ctes);
      }
      List<ResultColumn> cols = select(ps.getSelect(), outer);
      Alias alias = ps.getAlias();
      List<Col> columns = new ArrayList<>();
      List<Alias.AliasColumn> names = alias == null || alias.getAliasColumns() == null ? List.of()
          : alias.getAliasColumns();
      if (!names.isEmpty() && names.size() != cols.size()) {
        problem(ProblemKind.COLUMN_COUNT_MISMATCH,
            Errors.queryDerivedColumnCount(unquote(alias.getName()), names.size(), cols.size()));
      }
      for (int i = 0; i < cols.size(); i++) {
        String name = i < names.size() ? unquote(names.get(i).name) : cols.get(i).label();
        columns.add(new Col(name, cols.get(i).javaType(), cols.get(i).nullable()));
      }
      scope.sources.add(new Source(alias == null ? null : unquote(alias.getName()),
          alias != null && isQuoted(alias.getName()), null, columns, false));
    } else if (item instanceof ParenthesedFromItem pfi) {
      from(pfi.getFromItem(), pfi.getJoins(), scope);
    } else if (item != null) {
      // table functions, LATERAL, VALUES lists: columns unknown to the checker
      Alias alias = item.getAlias();
      new Finder(scope).walk(item);
      scope.sources.add(new Source(alias == null ? null : unquote(alias.getName()), false, null, List.of(), true));
    }
  }

  /** A catalog table or CTE named in FROM (or as a DML target when {@code allowCte} is false). */
  private Source table(Table t, Scope scope, boolean allowCte) {
    String raw = t.getFullyQualifiedName();
    String name = unquoteQualified(raw);
    boolean quoted = raw.contains("\"") || raw.contains("`");
    Alias alias = t.getAlias();
    String aliasName = alias == null ? null : unquote(alias.getName());
    boolean aliasQuoted = alias != null && isQuoted(alias.getName());
    if (allowCte && t.getSchemaName() == null) {
      Optional<Cte> cte = scope.cte(name, quoted);
      if (cte.isPresent() && cte.get().columns() == null) {
        return new Source(aliasName == null ? cte.get().name() : aliasName, false, cte.get().name(), List.of(), true);
      }
      if (cte.isPresent()) {
        List<Col> cols = cte.get().columns().stream().map(c -> new Col(c.label(), c.javaType(), c.nullable())).toList();
        return new Source(aliasName == null ? cte.get().name() : aliasName, aliasName == null ? quoted : aliasQuoted,
            cte.get().name(), cols, false);
      }
    }
    Optional<CatalogTable> found = catalog.table(name).filter(ct -> !quoted || ct.name().equals(name)
        || ct.name().endsWith("." + name.substring(name.lastIndexOf('.') + 1)));
    if (found.isEmpty()) {
      List<String> candidates = new ArrayList<>(catalog.tableNames());
      if (allowCte) {
        for (Scope s = scope; s != null; s = s.parent) {
          candidates.addAll(s.ctes.keySet());
        }
      }
      problem(ProblemKind.UNKNOWN_TABLE, Errors.queryUnknownTable(name, Suggestions.best(name, candidates)));
      return new Source(aliasName == null ? name : aliasName, quoted, name, List.of(), true);
    }
    CatalogTable ct = found.get();
    List<Col> cols = ct.columns().stream().map(c -> new Col(c.name(), JavaTypes.boxed(c.javaType()), c.nullable()))
        .toList();
    String qualifier = aliasName != null ? aliasName : ct.name().substring(ct.name().lastIndexOf('.') + 1);
    return new Source(qualifier, aliasName != null ? aliasQuoted : quoted, ct.name(), cols, false);
  }

  // --- DML --------------------------------------------------------------------------------------

  List<ResultColumn> insert(Insert insert, Scope root) {
    Scope scope = new Scope(root);
    withItems(insert.getWithItemsList(), scope);
    Source target = table(insert.getTable(), scope, false);
    List<Col> targets = new ArrayList<>();
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      for (Column c : insert.getColumns()) {
        Col col = columnOf(target, c, scope);
        targets.add(col);
      }
    } else {
      targets.addAll(target.columns);
    }
    Scope targetScope = new Scope(scope);
    targetScope.sources.add(target);
    if (insert.getSelect() instanceof Values insertValues) {
      ExpressionList<?> rows = insertValues.getExpressions();
      boolean multi = rows.size() > 0 && rows.stream().allMatch(r -> r instanceof ExpressionList<?>)
          && !(rows.size() == 1 && !(rows.get(0) instanceof ExpressionList<?>));
      List<List<Expression>> rowList = new ArrayList<>();
      if (multi) {
        for (Expression r : rows) {
          rowList.add(new ArrayList<>((ExpressionList<?>) r));
        }
      } else {
        rowList.add(new ArrayList<>(rows));
      }
      for (List<Expression> row : rowList) {
        if (!target.opaque && row.size() != targets.size()) {
          problem(ProblemKind.COLUMN_COUNT_MISMATCH, Errors.queryInsertColumnCount(target.tableName, targets.size(),
              row.size()));
        }
        for (int i = 0; i < row.size(); i++) {
          Col col = i < targets.size() ? targets.get(i) : null;
          expr(row.get(i), scope, col == null ? null : col.java);
        }
      }
    } else if (insert.getSelect() != null) {
      List<ResultColumn> cols = select(insert.getSelect(), scope);
      if (insert.getSelect() instanceof PlainSelect ps) {
        for (int i = 0; i < ps.getSelectItems().size() && i < targets.size(); i++) {
          Expression e = ps.getSelectItems().get(i).getExpression();
          if (e instanceof JdbcNamedParameter p) {
            use(p, targets.get(i).java, targets.get(i).name);
          }
        }
      }
      if (!target.opaque && cols.size() != targets.size()) {
        problem(ProblemKind.COLUMN_COUNT_MISMATCH, Errors.queryInsertColumnCount(target.tableName, targets.size(),
            cols.size()));
      }
    }
    if (insert.getSetUpdateSets() != null) {
      updateSets(insert.getSetUpdateSets(), target, targetScope);
    }
    if (insert.getConflictTarget() != null && insert.getConflictTarget().getIndexColumnNames() != null) {
      for (String c : insert.getConflictTarget().getIndexColumnNames()) {
        columnOf(target, new Column(c), targetScope);
      }
    }
    if (insert.getConflictAction() != null) {
      Scope conflict = new Scope(scope);
      conflict.sources.add(target);
      conflict.sources.add(new Source("excluded", false, target.tableName, target.columns, target.opaque));
      if (insert.getConflictAction().getUpdateSets() != null) {
        updateSets(insert.getConflictAction().getUpdateSets(), target, conflict);
      }
      expr(insert.getConflictAction().getWhereExpression(), conflict, JavaTypes.BOOLEAN);
    }
    if (insert.getDuplicateUpdateSets() != null) {
      updateSets(insert.getDuplicateUpdateSets(), target, targetScope);
    }
    return returning(insert.getReturningClause(), targetScope);
  }

  List<ResultColumn> update(Update update, Scope root) {
    Scope scope = new Scope(root);
    withItems(update.getWithItemsList(), scope);
    Source target = table(update.getTable(), scope, false);
    scope.sources.add(target);
    if (update.getStartJoins() != null) {
      for (Join j : update.getStartJoins()) {
        fromItem(j.getRightItem(), scope);
      }
    }
    if (update.getFromItem() != null) {
      from(update.getFromItem(), update.getJoins(), scope);
    } else if (update.getJoins() != null) {
      for (Join j : update.getJoins()) {
        fromItem(j.getRightItem(), scope);
      }
      for (Join j : update.getJoins()) {
        if (j.getOnExpressions() != null) {
          j.getOnExpressions().forEach(on -> expr(on, scope, JavaTypes.BOOLEAN));
        }
      }
    }
    updateSets(update.getUpdateSets(), target, scope);
    expr(update.getWhere(), scope, JavaTypes.BOOLEAN);
    if (update.getOrderByElements() != null) {
      update.getOrderByElements().forEach(o -> expr(o.getExpression(), scope, null));
    }
    if (update.getLimit() != null) {
      expr(update.getLimit().getRowCount(), scope, JavaTypes.LONG);
    }
    return returning(update.getReturningClause(), scope);
  }

  List<ResultColumn> delete(Delete delete, Scope root) {
    Scope scope = new Scope(root);
    withItems(delete.getWithItemsList(), scope);
    Source target = table(delete.getTable(), scope, false);
    scope.sources.add(target);
    if (delete.getUsingList() != null) {
      for (Table t : delete.getUsingList()) {
        scope.sources.add(table(t, scope, true));
      }
    }
    if (delete.getJoins() != null) {
      for (Join j : delete.getJoins()) {
        fromItem(j.getRightItem(), scope);
      }
      for (Join j : delete.getJoins()) {
        if (j.getOnExpressions() != null) {
          j.getOnExpressions().forEach(on -> expr(on, scope, JavaTypes.BOOLEAN));
        }
      }
    }
    expr(delete.getWhere(), scope, JavaTypes.BOOLEAN);
    if (delete.getOrderByElements() != null) {
      delete.getOrderByElements().forEach(o -> expr(o.getExpression(), scope, null));
    }
    if (delete.getLimit() != null) {
      expr(delete.getLimit().getRowCount(), scope, JavaTypes.LONG);
    }
    return returning(delete.getReturningClause(), scope);
  }

  void merge(Merge merge, Scope root) {
    Scope scope = new Scope(root);
    withItems(merge.getWithItemsList(), scope);
    Source target = table(merge.getTable(), scope, false);
    scope.sources.add(target);
    fromItem(merge.getFromItem(), scope);
    expr(merge.getOnCondition(), scope, JavaTypes.BOOLEAN);
    if (merge.getOperations() != null) {
      for (MergeOperation op : merge.getOperations()) {
        if (op instanceof MergeUpdate mu) {
          expr(mu.getAndPredicate(), scope, JavaTypes.BOOLEAN);
          updateSets(mu.getUpdateSets(), target, scope);
          expr(mu.getWhereCondition(), scope, JavaTypes.BOOLEAN);
          expr(mu.getDeleteWhereCondition(), scope, JavaTypes.BOOLEAN);
        } else if (op instanceof MergeInsert mi) {
          expr(mi.getAndPredicate(), scope, JavaTypes.BOOLEAN);
          List<Col> targets = new ArrayList<>();
          if (mi.getColumns() != null) {
            for (Column c : mi.getColumns()) {
              targets.add(columnOf(target, c, scope));
            }
          } else {
            targets.addAll(target.columns);
          }
          if (mi.getValues() != null) {
            for (int i = 0; i < mi.getValues().size(); i++) {
              Col col = i < targets.size() ? targets.get(i) : null;
              expr(mi.getValues().get(i), scope, col == null ? null : col.java);
            }
          }
          expr(mi.getWhereCondition(), scope, JavaTypes.BOOLEAN);
        }
      }
    }
  }

  private void updateSets(List<UpdateSet> sets, Source target, Scope scope) {
    if (sets == null) {
      return;
    }
    for (UpdateSet set : sets) {
      List<Col> cols = new ArrayList<>();
      for (Column c : set.getColumns()) {
        cols.add(c.getTable() == null || c.getTable().getName() == null ? columnOf(target, c, scope)
            : resolve(c, scope));
      }
      ExpressionList<?> values = set.getValues();
      List<Expression> vals = new ArrayList<>();
      if (values != null) {
        if (values.size() == 1 && cols.size() > 1 && values.get(0) instanceof ParenthesedSelect) {
          vals.add(values.get(0));
        } else {
          vals.addAll(values);
        }
      }
      for (int i = 0; i < vals.size(); i++) {
        Col col = i < cols.size() ? cols.get(i) : null;
        expr(vals.get(i), scope, col == null ? null : col.java);
      }
    }
  }

  private List<ResultColumn> returning(ReturningClause clause, Scope scope) {
    if (clause == null) {
      return List.of();
    }
    List<SelectItem<?>> items = new ArrayList<>();
    for (Object o : clause) {
      if (o instanceof SelectItem<?> si) {
        items.add(si);
      }
    }
    return selectItems(items, scope);
  }

  /** A target column of INSERT, UPDATE SET or MERGE: must be a column of {@code target}. */
  private Col columnOf(Source target, Column c, Scope scope) {
    String name = unquote(c.getColumnName());
    boolean quoted = isQuoted(c.getColumnName());
    if (target.opaque) {
      return new Col(name, null, true);
    }
    Col col = find(target, name, quoted);
    if (col == null) {
      problem(ProblemKind.UNKNOWN_COLUMN, Errors.queryUnknownColumn(name, target.describe(),
          Suggestions.best(name, target.columns.stream().map(Col::name).toList())));
      return new Col(name, null, true);
    }
    return col;
  }

  // --- columns ----------------------------------------------------------------------------------

  private static Col find(Source s, String name, boolean quoted) {
    for (Col c : s.columns) {
      if (quoted ? c.name.equals(name) : c.name.equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  private static boolean matchesQualifier(Source s, String qualifier, boolean quoted) {
    if (s.alias != null && (quoted || s.aliasQuoted ? s.alias.equals(qualifier) : s.alias.equalsIgnoreCase(qualifier))) {
      return true;
    }
    // a table named by its schema-qualified name, when it has no alias
    return s.tableName != null && s.alias != null && s.tableName.equalsIgnoreCase(qualifier)
        && s.alias.equalsIgnoreCase(s.tableName.substring(s.tableName.lastIndexOf('.') + 1));
  }

  /** The source a qualifier ({@code u} in {@code u.email}) names, searching outward; reports UNKNOWN_ALIAS. */
  private Source qualifier(Table table, Scope scope, String context) {
    String raw = table.getFullyQualifiedName();
    String name = unquoteQualified(raw);
    boolean quoted = raw.contains("\"") || raw.contains("`");
    for (Scope s = scope; s != null; s = s.parent) {
      for (Source src : s.sources) {
        if (matchesQualifier(src, name, quoted)) {
          return src;
        }
      }
    }
    List<String> aliases = new ArrayList<>();
    for (Scope s = scope; s != null; s = s.parent) {
      for (Source src : s.sources) {
        if (src.alias != null) {
          aliases.add(src.alias);
        }
      }
    }
    problem(ProblemKind.UNKNOWN_ALIAS, Errors.queryUnknownAlias(name, context, Suggestions.best(name, aliases), aliases));
    return null;
  }

  /** Words the parser reads as column names that are values, not columns. */
  private static final Set<String> VALUE_WORDS = Set.of("DEFAULT", "CURRENT_USER", "SESSION_USER", "USER",
      "CURRENT_SCHEMA", "CURRENT_CATALOG", "CURRENT_ROLE");

  /** Resolves a column reference; reports unknown and ambiguous columns. */
  private Col resolve(Column column, Scope scope) {
    String name = unquote(column.getColumnName());
    boolean quoted = isQuoted(column.getColumnName());
    Table table = column.getTable();
    if ((table == null || table.getName() == null) && !quoted
        && VALUE_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
      boolean found = false;
      for (Scope s = scope; s != null && !found; s = s.parent) {
        for (Source src : s.sources) {
          found |= find(src, name, false) != null;
        }
      }
      if (!found) {
        return new Col(name, name.equalsIgnoreCase("DEFAULT") ? null : JavaTypes.STRING, true);
      }
    }
    if (table != null && table.getName() != null) {
      Source s = qualifier(table, scope, column.toString());
      if (s == null) {
        return null;
      }
      if (s.opaque) {
        return new Col(name, null, true);
      }
      Col c = find(s, name, quoted);
      if (c == null) {
        problem(ProblemKind.UNKNOWN_COLUMN, Errors.queryUnknownColumn(name, s.describe(),
            Suggestions.best(name, s.columns.stream().map(Col::name).toList())));
        return null;
      }
      return s.outer ? new Col(c.name, c.java, true) : c;
    }
    for (Scope s = scope; s != null; s = s.parent) {
      List<Source> matches = new ArrayList<>();
      Col found = null;
      boolean opaque = false;
      for (Source src : s.sources) {
        Col c = find(src, name, quoted);
        if (c != null) {
          matches.add(src);
          if (found == null) {
            found = src.outer ? new Col(c.name, c.java, true) : c;
          }
        } else if (src.opaque) {
          opaque = true;
        }
      }
      if (matches.size() > 1 && !s.merged.contains(name.toLowerCase(Locale.ROOT))) {
        problem(ProblemKind.AMBIGUOUS_COLUMN, Errors.queryAmbiguousColumn(name,
            matches.stream().map(m -> m.alias == null ? m.describe() : m.alias).toList()));
        return found;
      }
      if (found != null) {
        return found;
      }
      for (ResultColumn out : s.outputs) {
        if (quoted ? out.label().equals(name) : out.label().equalsIgnoreCase(name)) {
          return new Col(out.label(), out.javaType().equals(JavaTypes.OBJECT) ? null : out.javaType(), out.nullable());
        }
      }
      if (opaque) {
        return new Col(name, null, true);
      }
    }
    unknownColumn(name, scope.sources, scope);
    return null;
  }

  private void unknownColumn(String name, List<Source> sources, Scope scope) {
    List<String> candidates = new ArrayList<>();
    for (Scope s = scope; s != null; s = s.parent) {
      for (Source src : s.sources) {
        src.columns.forEach(c -> candidates.add(c.name));
      }
    }
    String where = sources.isEmpty() ? "the query (it has no FROM clause)"
        : String.join(", ", sources.stream().map(Source::describe).toList());
    problem(ProblemKind.UNKNOWN_COLUMN, Errors.queryUnknownColumn(name, where, Suggestions.best(name, candidates)));
  }

  // --- expressions ------------------------------------------------------------------------------

  private void use(JdbcNamedParameter p, String java, String context) {
    int index = SqlText.placeholderIndex(p.getName());
    String name = index >= 0 ? parameterName.apply(index) : p.getName();
    uses.computeIfAbsent(name, n -> new ArrayList<>()).add(new ParamUse(java, context));
  }

  private static boolean isParam(Expression e) {
    Expression x = unwrap(e);
    return x instanceof JdbcNamedParameter;
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
      e = l.get(0);
    }
    return e;
  }

  /** Types {@code e}; a parameter in it is compared with {@code expected} (a qualified Java type, or null). */
  Typ expr(Expression e, Scope scope, String expected) {
    if (e == null) {
      return Typ.UNKNOWN;
    }
    if (e instanceof JdbcNamedParameter p) {
      use(p, expected, null);
      return new Typ(expected, true);
    }
    if (e instanceof JdbcParameter) {
      return Typ.UNKNOWN;
    }
    if (e instanceof Column c) {
      Col col = resolve(c, scope);
      return col == null ? Typ.UNKNOWN : new Typ(col.java, col.nullable);
    }
    if (e instanceof LongValue l) {
      long v = l.getValue();
      return new Typ(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? JavaTypes.INTEGER : JavaTypes.LONG, false);
    }
    if (e instanceof DoubleValue d) {
      String text = d.toString();
      return new Typ(text.contains("e") || text.contains("E") ? JavaTypes.DOUBLE : JavaTypes.BIG_DECIMAL, false);
    }
    if (e instanceof StringValue) {
      return new Typ(JavaTypes.STRING, false);
    }
    if (e instanceof NullValue) {
      return Typ.UNKNOWN;
    }
    if (e instanceof BooleanValue) {
      return new Typ(JavaTypes.BOOLEAN, false);
    }
    if (e instanceof TimeKeyExpression tk) {
      String v = tk.getStringValue().toUpperCase(Locale.ROOT).replace("()", "");
      return new Typ(switch (v) {
        case "CURRENT_DATE" -> "java.time.LocalDate";
        case "CURRENT_TIME", "LOCALTIME" -> "java.time.LocalTime";
        case "LOCALTIMESTAMP" -> "java.time.LocalDateTime";
        default -> "java.time.Instant";
      }, false);
    }
    if (e instanceof DateTimeLiteralExpression dt) {
      return new Typ(switch (dt.getType()) {
        case DATE -> "java.time.LocalDate";
        case TIME -> "java.time.LocalTime";
        case TIMESTAMPTZ -> "java.time.OffsetDateTime";
        default -> "java.time.LocalDateTime";
      }, false);
    }
    if (e instanceof SignedExpression s) {
      return expr(s.getExpression(), scope, expected);
    }
    if (e instanceof NotExpression n) {
      Typ t = expr(n.getExpression(), scope, JavaTypes.BOOLEAN);
      return new Typ(JavaTypes.BOOLEAN, t.nullable);
    }
    if (e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression) {
      BinaryExpression b = (BinaryExpression) e;
      Typ l = expr(b.getLeftExpression(), scope, JavaTypes.BOOLEAN);
      Typ r = expr(b.getRightExpression(), scope, JavaTypes.BOOLEAN);
      return new Typ(JavaTypes.BOOLEAN, l.nullable || r.nullable);
    }
    if (e instanceof ComparisonOperator || e instanceof IsDistinctExpression) {
      BinaryExpression b = (BinaryExpression) e;
      Typ[] t = pair(b.getLeftExpression(), b.getRightExpression(), scope);
      return new Typ(JavaTypes.BOOLEAN, t[0].nullable || t[1].nullable);
    }
    if (e instanceof Concat c) {
      Typ l = expr(c.getLeftExpression(), scope, JavaTypes.STRING);
      Typ r = expr(c.getRightExpression(), scope, JavaTypes.STRING);
      return new Typ(JavaTypes.STRING, l.nullable || r.nullable);
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division
        || e instanceof Modulo || e instanceof IntegerDivision) {
      BinaryExpression b = (BinaryExpression) e;
      Typ[] t = pair(b.getLeftExpression(), b.getRightExpression(), scope);
      String type = JavaTypes.promote(t[0].java, t[1].java);
      if (e instanceof Division && type != null && JavaTypes.isIntegral(type)
          && (dialects.contains(SqlDialect.MYSQL) || dialects.contains(SqlDialect.MARIADB))) {
        type = JavaTypes.BIG_DECIMAL; // MySQL's / on integers gives a DECIMAL
      }
      return new Typ(type, t[0].nullable || t[1].nullable);
    }
    if (e instanceof Between b) {
      Typ l = expr(b.getLeftExpression(), scope, null);
      Typ s = expr(b.getBetweenExpressionStart(), scope, l.java);
      Typ en = expr(b.getBetweenExpressionEnd(), scope, l.java != null ? l.java : s.java);
      if (isParam(b.getLeftExpression()) && (s.java != null || en.java != null)) {
        expr(b.getLeftExpression(), scope, s.java != null ? s.java : en.java);
        dropFirstUse(b.getLeftExpression());
      }
      return new Typ(JavaTypes.BOOLEAN, l.nullable || s.nullable || en.nullable);
    }
    if (e instanceof InExpression in) {
      return in(in, scope);
    }
    if (e instanceof LikeExpression like) {
      Typ l = expr(like.getLeftExpression(), scope, JavaTypes.STRING);
      Typ r = expr(like.getRightExpression(), scope, JavaTypes.STRING);
      expr(like.getEscape(), scope, JavaTypes.STRING);
      return new Typ(JavaTypes.BOOLEAN, l.nullable || r.nullable);
    }
    if (e instanceof IsNullExpression n) {
      expr(n.getLeftExpression(), scope, null);
      return new Typ(JavaTypes.BOOLEAN, false);
    }
    if (e instanceof IsBooleanExpression n) {
      expr(n.getLeftExpression(), scope, JavaTypes.BOOLEAN);
      return new Typ(JavaTypes.BOOLEAN, false);
    }
    if (e instanceof ExistsExpression ex) {
      expr(ex.getRightExpression(), scope, null);
      return new Typ(JavaTypes.BOOLEAN, false);
    }
    if (e instanceof ParenthesedSelect ps) {
      List<ResultColumn> cols = select(ps.getSelect(), scope);
      if (cols.size() != 1) {
        problem(ProblemKind.COLUMN_COUNT_MISMATCH, Errors.queryScalarSubqueryColumns(cols.size()));
        return Typ.UNKNOWN;
      }
      ResultColumn c = cols.get(0);
      return new Typ(c.javaType().equals(JavaTypes.OBJECT) ? null : c.javaType(), true);
    }
    if (e instanceof Select s) {
      List<ResultColumn> cols = select(s, scope);
      return cols.size() == 1 ? new Typ(cols.get(0).javaType(), true) : Typ.UNKNOWN;
    }
    if (e instanceof AnyComparisonExpression any) {
      List<ResultColumn> cols = select(any.getSelect(), scope);
      return cols.size() == 1 ? new Typ(cols.get(0).javaType(), true) : Typ.UNKNOWN;
    }
    if (e instanceof ExpressionList<?> list) {
      if (list.size() == 1) {
        return expr(list.get(0), scope, expected);
      }
      for (Expression x : list) {
        expr(x, scope, null);
      }
      return Typ.UNKNOWN;
    }
    if (e instanceof CastExpression cast) {
      Typ inner = expr(cast.getLeftExpression(), scope, null);
      String target = cast.getColDataType() == null ? null : JavaTypes.ofSqlType(cast.getColDataType().toString());
      return new Typ(target, inner.nullable);
    }
    if (e instanceof CaseExpression c) {
      return caseExpr(c, scope, expected);
    }
    if (e instanceof AnalyticExpression a) {
      return analytic(a, scope);
    }
    if (e instanceof Function f) {
      return function(f, scope, expected);
    }
    if (e instanceof CollateExpression c) {
      return expr(c.getLeftExpression(), scope, expected);
    }
    if (e instanceof ExtractExpression x) {
      expr(x.getExpression(), scope, null);
      return new Typ(JavaTypes.BIG_DECIMAL, true);
    }
    // anything else: resolve what it holds, type unknown
    new Finder(scope).walk(e);
    return Typ.UNKNOWN;
  }

  /** The same parameter typed twice (left of BETWEEN, re-typed once its bounds are known): keep the typed use. */
  private void dropFirstUse(Expression e) {
    JdbcNamedParameter p = (JdbcNamedParameter) unwrap(e);
    int index = SqlText.placeholderIndex(p.getName());
    String name = index >= 0 ? parameterName.apply(index) : p.getName();
    List<ParamUse> list = uses.get(name);
    if (list != null && list.size() >= 2) {
      for (int i = list.size() - 2; i >= 0; i--) {
        if (list.get(i).java() == null) {
          list.remove(i);
          break;
        }
      }
    }
  }

  /** Types two compared operands; a parameter on either side takes the other side's type. */
  private Typ[] pair(Expression left, Expression right, Scope scope) {
    if (left instanceof ExpressionList<?> l && right instanceof ExpressionList<?> r && l.size() > 1
        && l.size() == r.size()) {
      boolean nullable = false;
      for (int i = 0; i < l.size(); i++) {
        Typ[] t = pair(l.get(i), r.get(i), scope);
        nullable |= t[0].nullable || t[1].nullable;
      }
      Typ row = new Typ(null, nullable);
      return new Typ[] {row, row};
    }
    if (isParam(left) && !isParam(right)) {
      Typ r = expr(right, scope, null);
      Typ l = expr(left, scope, r.java);
      return new Typ[] {l, r};
    }
    Typ l = expr(left, scope, null);
    Typ r = expr(right, scope, l.java);
    return new Typ[] {l, r};
  }

  private Typ in(InExpression in, Scope scope) {
    Expression right = in.getRightExpression();
    Expression left = in.getLeftExpression();
    if (right instanceof ParenthesedSelect || right instanceof Select) {
      List<ResultColumn> cols = select(right instanceof ParenthesedSelect ps ? ps.getSelect() : (Select) right, scope);
      if (cols.size() != 1 && !(left instanceof ParenthesedExpressionList<?> l && l.size() == cols.size())) {
        problem(ProblemKind.COLUMN_COUNT_MISMATCH, Errors.queryInSubqueryColumns(cols.size()));
      }
      String type = cols.size() == 1 && !cols.get(0).javaType().equals(JavaTypes.OBJECT) ? cols.get(0).javaType() : null;
      Typ l = expr(left, scope, type);
      return new Typ(JavaTypes.BOOLEAN, l.nullable);
    }
    List<Expression> items = new ArrayList<>();
    if (right instanceof ExpressionList<?> list) {
      items.addAll(list);
    } else if (right != null) {
      items.add(right);
    }
    Typ l;
    if (isParam(left)) {
      Typ first = Typ.UNKNOWN;
      for (Expression item : items) {
        if (!isParam(item)) {
          first = expr(item, scope, null);
          break;
        }
      }
      l = expr(left, scope, first.java);
      for (Expression item : items) {
        if (isParam(item)) {
          expr(item, scope, first.java);
        }
      }
      return new Typ(JavaTypes.BOOLEAN, true);
    }
    l = expr(left, scope, null);
    for (Expression item : items) {
      if (items.size() == 1 && isParam(item)) {
        expr(item, scope, l.java == null ? null : JavaTypes.collectionOf(l.java));
      } else {
        expr(item, scope, l.java);
      }
    }
    return new Typ(JavaTypes.BOOLEAN, l.nullable);
  }

  private Typ caseExpr(CaseExpression c, Scope scope, String expected) {
    Typ sw = c.getSwitchExpression() == null ? null : expr(c.getSwitchExpression(), scope, null);
    List<Expression> results = new ArrayList<>();
    for (WhenClause w : c.getWhenClauses()) {
      expr(w.getWhenExpression(), scope, sw == null ? JavaTypes.BOOLEAN : sw.java);
      results.add(w.getThenExpression());
    }
    if (c.getElseExpression() != null) {
      results.add(c.getElseExpression());
    }
    String type = expected != null && !expected.equals(JavaTypes.BOOLEAN) ? expected : null;
    for (Expression r : results) {
      if (!isParam(r)) {
        Typ t = probe(r, scope);
        if (t.java != null) {
          type = type == null ? t.java : JavaTypes.promote(type, t.java);
        }
      }
    }
    boolean nullable = c.getElseExpression() == null;
    for (Expression r : results) {
      nullable |= expr(r, scope, type).nullable;
    }
    return new Typ(type, nullable);
  }

  /** The type of {@code e} without recording anything (a second pass types it for real). */
  private Typ probe(Expression e, Scope scope) {
    Analyzer quiet = new Analyzer(catalog, dialects, parameterName);
    return quiet.expr(e, scope, null);
  }

  private List<Expression> args(Function f) {
    List<Expression> out = new ArrayList<>();
    if (f.getParameters() != null) {
      out.addAll(f.getParameters());
    }
    return out;
  }

  private Typ function(Function f, Scope scope, String expected) {
    String name = f.getName() == null ? "" : f.getName().toUpperCase(Locale.ROOT);
    List<Expression> args = args(f);
    if (f.getNamedParameters() != null) {
      f.getNamedParameters().forEach(x -> expr((Expression) x, scope, null));
    }
    switch (name) {
      case "COUNT" -> {
        args.forEach(a -> expr(a, scope, null));
        return new Typ(JavaTypes.LONG, false);
      }
      case "SUM", "TOTAL" -> {
        Typ t = args.isEmpty() ? Typ.UNKNOWN : expr(args.get(0), scope, null);
        return new Typ(sumType(t.java), true);
      }
      case "AVG" -> {
        args.forEach(a -> expr(a, scope, null));
        return new Typ(avgType(), true);
      }
      case "MIN", "MAX" -> {
        Typ t = args.isEmpty() ? Typ.UNKNOWN : expr(args.get(0), scope, expected);
        return new Typ(t.java, true);
      }
      case "COALESCE", "IFNULL", "NVL" -> {
        String type = expected;
        boolean nullable = true;
        for (Expression a : args) {
          if (!isParam(a)) {
            Typ t = probe(a, scope);
            if (type == null && t.java != null) {
              type = t.java;
            }
          }
        }
        for (Expression a : args) {
          Typ t = expr(a, scope, type);
          nullable &= t.nullable;
        }
        return new Typ(type, nullable);
      }
      case "NULLIF" -> {
        Typ[] t = args.size() == 2 ? pair(args.get(0), args.get(1), scope) : new Typ[] {Typ.UNKNOWN};
        return new Typ(t[0].java, true);
      }
      case "LOWER", "UPPER", "TRIM", "LTRIM", "RTRIM", "SUBSTRING", "SUBSTR", "REPLACE", "CONCAT", "LEFT", "RIGHT",
          "LPAD", "RPAD", "REVERSE", "INITCAP", "CONCAT_WS" -> {
        boolean nullable = false;
        for (int i = 0; i < args.size(); i++) {
          boolean text = i == 0 || name.startsWith("CONCAT") || name.equals("REPLACE");
          nullable |= expr(args.get(i), scope, text ? JavaTypes.STRING : JavaTypes.INTEGER).nullable;
        }
        return new Typ(JavaTypes.STRING, nullable);
      }
      case "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH", "OCTET_LENGTH" -> {
        boolean nullable = args.isEmpty() || expr(args.get(0), scope, JavaTypes.STRING).nullable;
        return new Typ(JavaTypes.LONG, nullable);
      }
      case "ABS", "ROUND", "CEIL", "CEILING", "FLOOR", "SIGN", "TRUNC", "TRUNCATE" -> {
        Typ t = args.isEmpty() ? Typ.UNKNOWN : expr(args.get(0), scope, expected);
        for (int i = 1; i < args.size(); i++) {
          expr(args.get(i), scope, JavaTypes.INTEGER);
        }
        return t;
      }
      case "NOW", "CURRENT_TIMESTAMP" -> {
        return new Typ("java.time.Instant", false);
      }
      case "GREATEST", "LEAST" -> {
        String type = expected;
        for (Expression a : args) {
          if (type == null && !isParam(a)) {
            type = probe(a, scope).java;
          }
        }
        boolean nullable = false;
        for (Expression a : args) {
          nullable |= expr(a, scope, type).nullable;
        }
        return new Typ(type, nullable);
      }
      default -> {
        for (Expression a : args) {
          expr(a, scope, null);
        }
        return Typ.UNKNOWN;
      }
    }
  }

  private Typ analytic(AnalyticExpression a, Scope scope) {
    String name = a.getName() == null ? "" : a.getName().toUpperCase(Locale.ROOT);
    Typ arg = expr(a.getExpression(), scope, null);
    expr(a.getOffset(), scope, JavaTypes.INTEGER);
    expr(a.getDefaultValue(), scope, arg.java);
    if (a.getPartitionExpressionList() != null) {
      a.getPartitionExpressionList().forEach(x -> expr((Expression) x, scope, null));
    }
    if (a.getOrderByElements() != null) {
      a.getOrderByElements().forEach(o -> expr(o.getExpression(), scope, null));
    }
    expr(a.getFilterExpression(), scope, JavaTypes.BOOLEAN);
    return switch (name) {
      case "COUNT", "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE" -> new Typ(JavaTypes.LONG, false);
      case "SUM" -> new Typ(sumType(arg.java), true);
      case "AVG" -> new Typ(avgType(), true);
      case "PERCENT_RANK", "CUME_DIST" -> new Typ(JavaTypes.DOUBLE, false);
      case "MIN", "MAX", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE" -> new Typ(arg.java, true);
      default -> Typ.UNKNOWN;
    };
  }

  /** SUM: integers add up to a Long, decimals to a BigDecimal, floating point to a Double. */
  static String sumType(String arg) {
    if (arg == null) {
      return null;
    }
    if (JavaTypes.isIntegral(arg)) {
      return arg.equals(JavaTypes.BIG_INTEGER) ? JavaTypes.BIG_DECIMAL : JavaTypes.LONG;
    }
    if (arg.equals(JavaTypes.FLOAT) || arg.equals(JavaTypes.DOUBLE)) {
      return JavaTypes.DOUBLE;
    }
    return arg.equals(JavaTypes.BIG_DECIMAL) ? JavaTypes.BIG_DECIMAL : null;
  }

  /**
   * AVG: a Double when SQLite is the only dialect (it computes in floating point); otherwise a
   * BigDecimal, which every dialect's value converts to without loss (a double is an exact decimal).
   */
  String avgType() {
    return dialects.size() == 1 && dialects.contains(SqlDialect.SQLITE) ? JavaTypes.DOUBLE : JavaTypes.BIG_DECIMAL;
  }

  /** Resolves the columns and parameters inside expressions the checker does not type. */
  private final class Finder extends ExpressionVisitorAdapter<Void> {
    private final Scope scope;

    Finder(Scope scope) {
      this.scope = scope;
    }

    void walk(Object node) {
      if (node instanceof net.sf.jsqlparser.statement.select.TableFunction tf) {
        tf.getFunction().accept(this, null);
      } else if (node instanceof Expression e) {
        e.accept(this, null);
      }
    }

    @Override
    public <S> Void visit(Column column, S context) {
      resolve(column, scope);
      return null;
    }

    @Override
    public <S> Void visit(JdbcNamedParameter parameter, S context) {
      use(parameter, null, null);
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
      Analyzer.this.select(select.getSelect(), scope);
      return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
      Analyzer.this.select(select, scope);
      return null;
    }
  }

  // --- names ------------------------------------------------------------------------------------

  static boolean isQuoted(String name) {
    return name != null && name.length() >= 2
        && ((name.startsWith("\"") && name.endsWith("\"")) || (name.startsWith("`") && name.endsWith("`")));
  }

  static String unquote(String name) {
    if (name == null) {
      return null;
    }
    if (isQuoted(name)) {
      char q = name.charAt(0);
      return name.substring(1, name.length() - 1).replace("" + q + q, "" + q);
    }
    return name;
  }

  static String unquoteQualified(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("\\.(?=(?:[^\"`]*[\"`][^\"`]*[\"`])*[^\"`]*$)")) {
      parts.add(unquote(part));
    }
    return String.join(".", parts);
  }
}
