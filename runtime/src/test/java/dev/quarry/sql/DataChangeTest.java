package dev.quarry.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a DML statement tells a session about the rows it writes. */
class DataChangeTest {
  final Users u = Users.USERS;

  @Test
  void updatesAndDeletesChangeExistingRowsOfTheirTable() {
    DataChange update = Sql.update(u).set(u.name, "Ann").where(u.id.eq(1L));
    DataChange delete = Sql.deleteFrom(u).where(u.id.eq(1L));
    assertSame(u, update.table());
    assertSame(u, delete.table());
    assertTrue(update.changesExistingRows());
    assertTrue(delete.changesExistingRows());
  }

  @Test
  void anInsertChangesExistingRowsOnlyAsAnUpsertThatUpdates() {
    Insert insert = Sql.insertInto(u).set(u.name, "Ann");
    assertSame(u, insert.table());
    assertFalse(insert.changesExistingRows());
    assertFalse(insert.onConflict(u.id).doNothing().changesExistingRows());
    assertTrue(insert.onConflict(u.id).doUpdate(u.name).changesExistingRows());
  }
}
