package dev.quarry.it;

/** Key of {@link Pair}. */
public record PairKey(long left, long right) {}
