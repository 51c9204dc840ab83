package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.time.LocalDate;
import java.util.List;

/** An order placed by a user; its items point at it. */
// tour:entity
@Entity
@Table(name = "orders")
public class Order {
  @Id @GeneratedValue private Long id;
  @ManyToOne @JoinColumn(name = "user_id", nullable = false) private User user;
  @Column(nullable = false, length = 20, index = true) private String status;
  @Column(nullable = false) private LocalDate placedOn;
  @Column(nullable = false) private Long totalCents;

  public Order() {}

  // getters and setters: loaded objects are a generated subclass that intercepts them
  // end

  /** The inverse of {@link OrderItem#getOrder()}, lazy by default; the detail endpoint loads it with SELECTIN. */
  @OneToMany(mappedBy = "order", orderBy = "id") private List<OrderItem> items;

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

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public LocalDate getPlacedOn() {
    return placedOn;
  }

  public void setPlacedOn(LocalDate placedOn) {
    this.placedOn = placedOn;
  }

  public Long getTotalCents() {
    return totalCents;
  }

  public void setTotalCents(Long totalCents) {
    this.totalCents = totalCents;
  }

  public List<OrderItem> getItems() {
    return items;
  }

  public void setItems(List<OrderItem> items) {
    this.items = items;
  }
}
