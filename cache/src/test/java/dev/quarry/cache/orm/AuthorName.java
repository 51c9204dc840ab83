package dev.quarry.cache.orm;

import dev.quarry.annotation.Projection;

/** A projection of an author's columns (the query cache keeps such records). */
@Projection
public record AuthorName(long id, String name) {}
