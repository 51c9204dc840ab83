package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.FetchType;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinTable;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Many-to-many collections of a subclass of the single-table hierarchy: the association tables
 * reference {@code inh_person}, so they can link rows of any class; the collections hold Managers only.
 */
@Entity
@Table(name = "inh_committee")
public class Committee {
  @Id @GeneratedValue Long id;
  String name;
  @ManyToMany(orderBy = "name")
  @JoinTable(name = "inh_committee_chairs", joinColumn = "committee", inverseJoinColumn = "person")
  private List<Manager> chairs = new ArrayList<>();
  @ManyToMany(fetch = FetchType.DYNAMIC)
  @JoinTable(name = "inh_committee_advisors", joinColumn = "committee", inverseJoinColumn = "person")
  private List<Manager> advisors = new ArrayList<>();

  public Committee() {}

  public Committee(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<Manager> getChairs() {
    return chairs;
  }

  public void setChairs(List<Manager> chairs) {
    this.chairs = chairs;
  }

  public List<Manager> getAdvisors() {
    return advisors;
  }

  public void setAdvisors(List<Manager> advisors) {
    this.advisors = advisors;
  }
}
