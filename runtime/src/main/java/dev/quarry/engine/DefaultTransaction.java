package dev.quarry.engine;

import java.sql.Savepoint;

/** A transaction or savepoint on a {@link DefaultConnection}, which does the work. */
final class DefaultTransaction implements Transaction {
  private final DefaultConnection connection;
  private final Savepoint savepoint;
  private final boolean ownsConnection;
  private boolean active = true;

  DefaultTransaction(DefaultConnection connection, Savepoint savepoint, boolean ownsConnection) {
    this.connection = connection;
    this.savepoint = savepoint;
    this.ownsConnection = ownsConnection;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public void commit() {
    end(true);
  }

  @Override
  public void rollback() {
    end(false);
  }

  private void end(boolean commit) {
    try {
      connection.endTransaction(this, commit);
    } finally {
      if (ownsConnection) {
        connection.close(); // engine.begin(): the connection lives as long as its transaction
      }
    }
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public boolean isNested() {
    return savepoint != null;
  }

  @Override
  public void close() {
    if (active && !connection.isClosed()) {
      rollback();
    } else if (ownsConnection) {
      connection.close();
    }
  }

  Savepoint savepoint() {
    return savepoint;
  }

  void markEnded() {
    active = false;
  }
}
