package dev.quarry.it.inherit;

import static dev.quarry.it.inherit.InheritSingleTableTest.entityClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quarry.orm.Load;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/** An abstract root (Vehicle) with concrete Car and Truck, and a many-to-one to the abstract class. */
class InheritAbstractRootTest {
  private record Ids(long car, long truck, long tripByCar, long tripByTruck) {}

  private static Ids fixtures(TestDatabase db, SessionFactory sessions) {
    Metadata.of(QVehicle.vehicle, QTrip.trip).createAll(db.engine());
    try (Session s = sessions.openSession()) {
      Car car = new Car("CAR-1", 5);
      Truck truck = new Truck("TRK-1", 12000);
      Trip t1 = new Trip("Tehran", car);
      Trip t2 = new Trip("Tabriz", truck);
      s.addAll(List.of(car, truck, t1, t2));
      s.commit();
      return new Ids(car.getId(), truck.getId(), t1.getId(), t2.getId());
    }
  }

  @AllDatabases
  void queriesAndGetReturnTheConcreteClasses(TestDatabase db) {
    SessionFactory sessions = SessionFactory.builder(db.engine()).build();
    Ids ids = fixtures(db, sessions);
    assertEquals("dtype", QVehicle.vehicle.dtype.name());
    try (Session s = sessions.openSession()) {
      List<Vehicle> all = s.select(Vehicle.class).orderBy(QVehicle.vehicle.id.asc()).list();
      assertEquals(List.of(Car.class, Truck.class), all.stream().map(InheritSingleTableTest::entityClass).toList());
      assertEquals(5, ((Car) all.get(0)).getSeats());
      assertSame(all.get(1), s.get(Vehicle.class, ids.truck()));
      assertNull(s.get(Car.class, ids.truck()));
      assertEquals(1, s.select(Truck.class).where(QTruck.truck.plate.eq("TRK-1")).count());
      Car car = s.get(Car.class, ids.car());
      car.setSeats(7);
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals(7, s.get(Car.class, ids.car()).getSeats());
    }
  }

  @AllDatabases
  void aManyToOneToTheAbstractClassLoadsTheConcreteOne(TestDatabase db) {
    SessionFactory sessions = SessionFactory.builder(db.engine()).build();
    Ids ids = fixtures(db, sessions);
    try (Session s = sessions.openSession()) {
      assertEquals(Car.class, entityClass(s.get(Trip.class, ids.tripByCar()).getVehicle()), "lazy");
      assertEquals(Truck.class, entityClass(s.get(Trip.class, ids.tripByTruck()).getVehicle()));
      assertEquals(12000L, ((Truck) s.get(Trip.class, ids.tripByTruck()).getVehicle()).getPayload());
    }
    for (Load load : List.of(Load.joined(QTrip.trip.vehicle), Load.selectIn(QTrip.trip.vehicle))) {
      try (Session s = sessions.openSession()) {
        List<Trip> trips = s.select(Trip.class).options(load).orderBy(QTrip.trip.id.asc()).list();
        assertEquals(List.of(Car.class, Truck.class),
            trips.stream().map(t -> entityClass(t.getVehicle())).toList(), load.toString());
      }
    }
  }
}
