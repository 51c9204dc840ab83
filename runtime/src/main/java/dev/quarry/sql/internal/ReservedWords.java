package dev.quarry.sql.internal;

import java.util.Set;

/**
 * The words each database refuses as an unquoted table, column, alias or index name. Each list was
 * found by trying every keyword the databases themselves list ({@code pg_get_keywords()},
 * MariaDB's {@code information_schema.keywords}, JDBC's {@code getSQLKeywords()}) and SQL's
 * reserved words as a table name, a column name and an alias (create, insert, select, group,
 * order, update, index, drop) on SQLite 3.53, H2 2.x, PostgreSQL and MariaDB 10/11; MySQL 8's own
 * additions (window functions, {@code lateral}, {@code of}, …) are added to MariaDB's. A name in
 * the list is quoted; so is every name that is not lower case letters, digits and underscores.
 */
final class ReservedWords {
  private ReservedWords() {}

  /** SQLite. */
  static final Set<String> SQLITE = words("""
      add all alter and as autoincrement between case cast check collate commit constraint create
      current_date current_time current_timestamp default deferrable delete distinct drop else
      escape except exists foreign from group having if in index insert intersect into is isnull
      join limit not nothing notnull null on or order primary raise references returning select set
      table then to transaction union unique update using values when where
      """);

  /** H2 2.x in its default (regular) mode. */
  static final Set<String> H2 = words("""
      _rowid_ all and any array as asymmetric authorization between case cast check constraint cross
      current_catalog current_date current_role current_schema current_time current_timestamp
      current_user day default distinct else end except exists false fetch for foreign from full
      group having hour if in inner intersect interval is join key left like limit localtime
      localtimestamp minus minute month natural not null offset on or order primary qualify right
      row rownum second select session_user set some symmetric system_user table to top true uescape
      union unique unknown user using value values when where window with year
      """);

  /** PostgreSQL, including its system column names ({@code ctid}, {@code xmin}, …). */
  static final Set<String> POSTGRESQL = words("""
      all analyse analyze and any array as asc asymmetric authorization binary both case cast check
      cmax cmin collate collation column concurrently constraint create cross ctid current_catalog
      current_date current_role current_schema current_time current_timestamp current_user default
      deferrable desc distinct do else end except false fetch for foreign freeze from full grant
      group having ilike in initially inner intersect into is isnull join lateral leading left like
      limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps
      placing primary references returning right select session_user similar some symmetric
      system_user table tableoid tablesample then to trailing true union unique user using variadic
      verbose when where window with xmax xmin
      """);

  /** MariaDB and MySQL 8. */
  static final Set<String> MYSQL = words("""
      accessible add all alter analyze and as asc asensitive before between bigint binary blob both
      by call cascade case cast change char character check collate column condition constraint
      continue convert count create cross cube cume_dist current_date current_role current_time
      current_timestamp current_user cursor databases day_hour day_microsecond day_minute day_second
      dec decimal declare default delayed delete delete_domain_id dense_rank desc describe
      deterministic distinct distinctrow div do_domain_ids double drop dual each else elseif empty
      enclosed escaped except exists exit explain extract false fetch first_value float float4
      float8 for force foreign from fulltext function grant group grouping groups having
      high_priority hour_microsecond hour_minute hour_second if ignore ignore_domain_ids in index
      infile inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval
      into is iterate join json_arrayagg json_objectagg json_table key keys kill lag last_value
      lateral lead leading leave left like limit linear lines load localtime localtimestamp lock
      long longblob longtext loop low_priority manual master_demote_to_replica
      master_demote_to_slave master_ssl_verify_server_cert match max maxvalue mediumblob mediumint
      mediumtext middleint min minute_microsecond minute_second mod modifies natural
      no_write_to_binlog not nth_value ntile null numeric of offset on optimize optionally or order
      out outer outfile over page_checksum parallel parse_vcol_expr partition percent_rank portion
      position precision primary procedure purge qualify range rank read read_write reads real
      recursive ref_system_id references regexp release rename repeat replace require resignal
      restrict return returning revoke right rlike row row_number rows schemas second_microsecond
      select sensitive separator set show signal smallint spatial specific sql sql_big_result
      sql_calc_found_rows sql_small_result sqlexception sqlstate sqlwarning ssl starting
      stats_auto_recalc stats_persistent stats_sample_pages straight_join substring sum system table
      tablesample terminated then tinyblob tinyint tinytext to trailing trigger trim true undo union
      unique unlock unsigned update usage use using utc_date utc_time utc_timestamp value values
      varbinary varchar varcharacter varying when where while window with write xor year_month
      zerofill
      """);

  /** Any of them: for a database Quarry has no dialect for. */
  static final Set<String> ANY = union(SQLITE, H2, POSTGRESQL, MYSQL);

  private static Set<String> words(String text) {
    return Set.of(text.trim().split("\\s+"));
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    java.util.Set<String> all = new java.util.HashSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }
}
