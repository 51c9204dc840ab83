package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Column;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the values the database gave the columns an INSERT left out because the object held
 * nothing for them and they have a server default, so that after a flush the object holds what
 * the row holds (SQLAlchemy fetches server defaults the same way: the row is read again). One
 * SELECT per batch by primary key ({@code IN}, chunked below the bind-parameter limit), one per
 * row for composite keys.
 */
final class ServerDefaults {
  private static final int MARGIN = 16;

  private ServerDefaults() {}

  /** Reads {@code missing} (columns of {@code part}) of the rows of {@code entities} into them. */
  static void readBack(StatementRunner conn, Persister part, int[] missing, List<Object> entities) {
    EntityMapping<Object> m = part.mapping();
    int[] pk = m.primaryKeyColumns();
    List<Column<?>> selected = new ArrayList<>();
    for (int k : pk) {
      selected.add(part.column(k));
    }
    for (int c : missing) {
      selected.add(part.column(c));
    }
    Column<?>[] items = selected.toArray(new Column<?>[0]);
    if (pk.length == 1) {
      Map<Object, Object> byId = new HashMap<>();
      for (Object e : entities) {
        byId.put(m.id(e), e);
      }
      List<Object> ids = new ArrayList<>(byId.keySet());
      int max = Math.max(1, conn.vendor().maxBindParameters() - MARGIN);
      for (int from = 0; from < ids.size(); from += max) {
        List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + max));
        Select s = Sql.select(items).from(part.storedTable()).where(RelatedRows.in(items[0], chunk));
        read(conn, s, missing, byId, m);
      }
    } else {
      for (Object e : entities) {
        Object[] id = m.idValues(m.id(e));
        List<Predicate> terms = new ArrayList<>();
        for (int k = 0; k < pk.length; k++) {
          terms.add(RelatedRows.in(items[k], List.of(id[k])));
        }
        Select s = Sql.select(items).from(part.storedTable()).where(Sql.and(terms));
        read(conn, s, missing, Map.of(m.id(e), e), m);
      }
    }
  }

  /** Runs {@code s} (the key columns, then {@code missing}) and sets the values on the rows' objects. */
  private static void read(StatementRunner conn, Select s, int[] missing, Map<Object, Object> byId,
      EntityMapping<Object> m) {
    List<Column<?>> columns = m.table().columns();
    int[] pk = m.primaryKeyColumns();
    int keyWidth = pk.length;
    conn.query(s, (rs, vendor) -> {
      while (rs.next()) {
        Object[] key = new Object[keyWidth];
        for (int k = 0; k < keyWidth; k++) {
          key[k] = columns.get(pk[k]).type().read(rs, k + 1, vendor);
        }
        Object e = byId.get(m.idOf(key));
        if (e == null) {
          continue;
        }
        for (int i = 0; i < missing.length; i++) {
          m.set(e, missing[i], columns.get(missing[i]).type().read(rs, keyWidth + i + 1, vendor));
        }
      }
      return null;
    });
  }
}
