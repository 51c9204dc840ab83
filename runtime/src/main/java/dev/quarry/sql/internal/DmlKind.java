package dev.quarry.sql.internal;

/** The data-changing statements, for capabilities that differ between them (RETURNING). */
public enum DmlKind {
  INSERT,
  UPDATE,
  DELETE
}
