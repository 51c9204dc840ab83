/**
 * Column types: Java type, SQL type family for DDL, and per-database JDBC reading and binding.
 * The lowest layer of the runtime: it imports nothing from the rest of Quarry.
 */
package dev.quarry.types;
