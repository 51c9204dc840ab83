/**
 * Custom types: global converters (one {@code @AutoApply}, one registered here with
 * {@code @Converters} as a library's converter would be), enums by name and ordinal, JSON.
 */
@Converters({IsbnConverter.class})
package dev.quarry.it.types;

import dev.quarry.annotation.Converters;
