package dev.quarry.it;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.FetchType;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import java.util.List;

/** The parent side of a many-to-one. */
@Entity
public class Customer {
  @Id @GeneratedValue Long id;
  @Column(nullable = false, unique = true, length = 120) String email;
  @OneToMany(mappedBy = "customer", fetch = FetchType.SELECTIN) List<Purchase> purchases;
}
