package dev.quarry.it.projection;

/** Stored by name. */
public enum Genre {
  NOVEL,
  ESSAY
}
