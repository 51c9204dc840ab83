package dev.quarry.it.dao;

import dev.quarry.annotation.Dao;
import dev.quarry.annotation.DropIfNull;
import dev.quarry.annotation.Query;
import dev.quarry.annotation.SkipQueryVerification;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Derived finders and (until the checker is merged, unchecked) queries over {@link Person}. */
@Dao(entity = Person.class)
public interface PersonQueries {
  Optional<Person> findByName(String name);

  Person findFirstByActiveTrueOrderByAgeDesc();

  List<Person> findAllByAgeGreaterThanEqualOrderByNameAsc(int age);

  List<Person> findByNameIgnoreCaseOrAgeBetween(String name, int low, int high);

  List<Person> findTop2ByNameStartingWith(String prefix);

  List<Person> findByIdInOrderByIdAsc(Collection<Long> ids);

  List<Person> findByNameAndAgeOrderByIdAsc(@DropIfNull String name, @DropIfNull Integer age);

  Stream<Person> findAllByActiveFalseOrderByIdAsc();

  long countByActiveTrue();

  boolean existsByName(String name);

  int deleteByAgeLessThan(int age);

  /** A record read by label. */
  record NameAndAge(String name, Integer age) {}

  @Query("SELECT name, age FROM dao_people WHERE age > :minAge ORDER BY age")
  @SkipQueryVerification("functional test before the checker lands")
  List<NameAndAge> olderThan(int minAge);

  @Query("SELECT COUNT(*) FROM dao_people WHERE active = :active")
  @SkipQueryVerification
  long countActive(boolean active);

  @Query("UPDATE dao_people SET age = age + 1 WHERE name = :name")
  @SkipQueryVerification
  int birthday(String name);
}
