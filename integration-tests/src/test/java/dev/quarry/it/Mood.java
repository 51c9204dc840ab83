package dev.quarry.it;

/** An enum stored by name and by ordinal. */
public enum Mood {
  CALM,
  CURIOUS,
  ÜBERMÜTIG
}
