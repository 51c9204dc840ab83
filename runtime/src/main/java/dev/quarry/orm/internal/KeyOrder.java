package dev.quarry.orm.internal;

/**
 * Orders primary keys the way the database does for the usual key types (numbers, strings, UUIDs,
 * dates; composite keys column by column), so that every flush touches rows of a table in one
 * order and concurrent transactions take their row locks in that order (SQLAlchemy sorts by
 * primary key too). Keys of types that are not comparable keep an arbitrary but fixed order.
 */
final class KeyOrder {
  private KeyOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object[] a, Object[] b) {
    for (int k = 0; k < a.length && k < b.length; k++) {
      Object x = a[k];
      Object y = b[k];
      int c;
      if (x == null || y == null) {
        c = x == null ? (y == null ? 0 : -1) : 1;
      } else if (x instanceof Comparable && x.getClass() == y.getClass()) {
        c = ((Comparable) x).compareTo(y);
      } else {
        c = x.toString().compareTo(y.toString());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
