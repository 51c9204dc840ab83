package dev.quarry.orm;

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

  static void readBack(SessionConnection conn, Persister part, int[] written, List<EntityEntry> rows) {
    EntityMapping<Object> m = part.mapping();
    int[] missing = missing(part.insertColumns(), written);
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
      Map<Object, EntityEntry> byId = new HashMap<>();
      for (EntityEntry e : rows) {
        byId.put(m.id(e.entity), e);
      }
      List<Object> ids = new ArrayList<>(byId.keySet());
      int max = Math.max(1, conn.vendor().maxBindParameters() - MARGIN);
      for (int from = 0; from < ids.size(); from += max) {
        List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + max));
        Select s = Sql.select(items).from(part.storedTable()).where(RelatedRows.in(items[0], chunk));
        read(conn, s, missing, byId, m);
      }
    } else {
      for (EntityEntry e : rows) {
        Object[] id = m.idValues(m.id(e.entity));
        List<Predicate> terms = new ArrayList<>();
        for (int k = 0; k < pk.length; k++) {
          terms.add(RelatedRows.in(items[k], List.of(id[k])));
        }
        Select s = Sql.select(items).from(part.storedTable()).where(Sql.and(terms));
        read(conn, s, missing, Map.of(m.id(e.entity), e), m);
      }
    }
  }

  /** Runs {@code s} (the key columns, then {@code missing}) and sets the values on the rows' objects. */
  private static void read(SessionConnection conn, Select s, int[] missing, Map<Object, EntityEntry> byId,
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
        EntityEntry e = byId.get(m.idOf(key));
        if (e == null) {
          continue;
        }
        for (int i = 0; i < missing.length; i++) {
          m.set(e.entity, missing[i], columns.get(missing[i]).type().read(rs, keyWidth + i + 1, vendor));
        }
      }
      return null;
    });
  }

  /** The columns of {@code all} not in {@code written} (both in the same order). */
  private static int[] missing(int[] all, int[] written) {
    int[] out = new int[all.length - written.length];
    int n = 0;
    int w = 0;
    for (int c : all) {
      if (w < written.length && written[w] == c) {
        w++;
      } else {
        out[n++] = c;
      }
    }
    return out;
  }
}
