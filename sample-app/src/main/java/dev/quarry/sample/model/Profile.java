package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.OneToOne;
import dev.quarry.annotation.Table;

/** Optional extra data of a user, one per user (a one-to-one through a unique foreign key). */
@Entity
@Table(name = "profiles")
public class Profile {
  @Id @GeneratedValue private Long id;
  @OneToOne @JoinColumn(name = "user_id", nullable = false) private User user;
  @Column(length = 400) private String bio;
  @Column(length = 80) private String city;

  public Profile() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public User getUser() {
    return user;
  }

  public void setUser(User user) {
    this.user = user;
  }

  public String getBio() {
    return bio;
  }

  public void setBio(String bio) {
    this.bio = bio;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }
}
