package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinTable;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** The owning side of a many-to-many through an association table with configured names. */
@Entity
@Table(name = "rel_students")
public class Student {
  @Id @GeneratedValue Long id;
  String name;
  @ManyToMany(orderBy = "title")
  @JoinTable(name = "rel_student_courses", joinColumn = "student", inverseJoinColumn = "course")
  private Set<Course> courses = new LinkedHashSet<>();

  public Student() {}

  public Student(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public Set<Course> getCourses() {
    return courses;
  }

  public void setCourses(Set<Course> courses) {
    this.courses = courses;
  }
}
