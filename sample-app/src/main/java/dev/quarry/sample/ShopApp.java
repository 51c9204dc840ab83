package dev.quarry.sample;

/** Placeholder. */
public final class ShopApp {
  public static void main(String[] args) { System.out.println("hello"); }
}
