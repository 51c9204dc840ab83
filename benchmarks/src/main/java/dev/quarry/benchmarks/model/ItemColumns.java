package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.MappedSuperclass;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The 10 columns shared by {@link Item} (read and update scenarios) and {@link NewItem} (the table
 * the insert scenarios write to): one definition, two tables.
 */
@MappedSuperclass
public abstract class ItemColumns {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 64) private String name;
  @Column(nullable = false, length = 128) private String email;
  private int age;
  private double score;
  private boolean active;
  private LocalDateTime createdAt;
  @Column(nullable = false, precision = 12, scale = 2) private BigDecimal amount;
  @Column(nullable = false, length = 32) private String category;
  private long counter;

  protected ItemColumns() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public int getAge() {
    return age;
  }

  public void setAge(int age) {
    this.age = age;
  }

  public double getScore() {
    return score;
  }

  public void setScore(double score) {
    this.score = score;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public long getCounter() {
    return counter;
  }

  public void setCounter(long counter) {
    this.counter = counter;
  }
}
