package dev.quarry.it.dao;

import dev.quarry.annotation.Dao;
import dev.quarry.annotation.DropIfNull;
import dev.quarry.annotation.Query;
import dev.quarry.annotation.SkipQueryVerification;
import dev.quarry.orm.Page;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Derived finders and checked {@code @Query} methods over {@link Person}. */
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

  List<Person> findByAgeInOrderByIdAsc(int[] ages);

  List<Person> findByNameNotInOrderByIdAsc(String... names);

  long countByIdIn(Long[] ids);

  List<Person> findByIdInAndNameOrderByIdAsc(long[] ids, @DropIfNull String name);

  Page<Person> findByActive(boolean active, int page, int size);

  Page<Person> findAllByAgeGreaterThanOrderByAgeDesc(int age, int page, int size);

  Page<Person> findByNameAndActive(@DropIfNull String name, boolean active, int page, int size);

  /** A record read by label. */
  record NameAndAge(String name, Integer age) {}

  @Query("SELECT name, age FROM dao_people WHERE age > :minAge ORDER BY age")
  List<NameAndAge> olderThan(int minAge);

  @Query("SELECT COUNT(*) FROM dao_people WHERE active = :active")
  long countActive(boolean active);

  @Query("UPDATE dao_people SET age = age + 1 WHERE name = :name")
  int birthday(String name);

  @Query("SELECT * FROM dao_people p WHERE p.age >= :minAge AND p.name LIKE :pattern ORDER BY p.id")
  List<Person> search(int minAge, @DropIfNull String pattern);

  @Query("SELECT name FROM dao_people WHERE id = :id")
  Optional<String> nameOf(long id);

  @Query("SELECT MAX(age) AS oldest FROM dao_people WHERE active = :active")
  Integer oldest(boolean active);

  @Query("SELECT name, age FROM dao_people WHERE name = :name")
  @SkipQueryVerification("kept unchecked on purpose: the compiler notes it")
  Optional<NameAndAge> unchecked(String name);

  @Query("SELECT * FROM dao_people WHERE age >= :minAge ORDER BY age")
  Page<Person> pageOlderThan(int minAge, int page, int size);

  @Query("SELECT name, age FROM dao_people WHERE age > :minAge ORDER BY age")
  Page<NameAndAge> namesOlderThan(int minAge, int page, int size);

  @Query("SELECT * FROM dao_people p WHERE p.name LIKE :pattern ORDER BY p.id")
  Page<Person> searchPage(@DropIfNull String pattern, int page, int size);
}
