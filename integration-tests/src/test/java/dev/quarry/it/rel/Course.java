package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** The inverse side of a many-to-many (mappedBy): loads through the owner's association table. */
@Entity
@Table(name = "rel_courses")
public class Course {
  @Id @GeneratedValue Long id;
  String title;
  @ManyToMany(mappedBy = "courses", orderBy = "name")
  private List<Student> students = new ArrayList<>();

  public Course() {}

  public Course(String title) {
    this.title = title;
  }

  public String getTitle() {
    return title;
  }

  public List<Student> getStudents() {
    return students;
  }

  public void setStudents(List<Student> students) {
    this.students = students;
  }
}
