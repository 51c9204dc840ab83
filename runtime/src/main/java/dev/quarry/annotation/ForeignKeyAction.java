package dev.quarry.annotation;

/** Referential action of a foreign key ({@code ON DELETE} / {@code ON UPDATE}). */
public enum ForeignKeyAction {
  /** No clause in DDL: the database default (NO ACTION). */
  DEFAULT,
  NO_ACTION,
  RESTRICT,
  CASCADE,
  SET_NULL,
  SET_DEFAULT
}
