package dev.quarry.sql;

import java.util.List;

/** {@code (SELECT …) AS "alias"}: a query used as a table. */
class DerivedTableImpl implements DerivedTable {
  private final String alias;
  final QueryNode query;

  DerivedTableImpl(String alias, QueryNode query) {
    if (alias == null || alias.isEmpty()) {
      throw new IllegalArgumentException("a derived table needs a non-empty alias");
    }
    this.alias = alias;
    this.query = query;
  }

  @Override
  public String alias() {
    return alias;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Expression<T> field(Expression<T> selected) {
    List<Expression<?>> sel = query.selection();
    for (int i = 0; i < sel.size(); i++) {
      if (sel.get(i) == selected) {
        return Expr.wrap(new Functions.FieldRefNode(alias, uniqueLabel(i)), selected.type());
      }
    }
    throw new IllegalArgumentException(selected + " is not selected by " + alias + "; it selects " + query.labels());
  }

  @Override
  public Expression<?> field(String label) {
    int index = query.labels().indexOf(label);
    if (index < 0) {
      throw new IllegalArgumentException(alias + " has no column '" + label + "'; its columns are " + query.labels());
    }
    return Expr.wrap(new Functions.FieldRefNode(alias, uniqueLabel(index)), query.selection().get(index).type());
  }

  private String uniqueLabel(int index) {
    List<String> labels = query.labels();
    String label = labels.get(index);
    if (labels.indexOf(label) != labels.lastIndexOf(label)) {
      throw new IllegalArgumentException(alias + " selects several columns labelled '" + label
          + "'; give them distinct labels with as(...)");
    }
    return label;
  }

  @Override
  public String toString() {
    return "(" + query + ") AS " + alias;
  }
}
