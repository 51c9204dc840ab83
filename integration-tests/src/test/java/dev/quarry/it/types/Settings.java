package dev.quarry.it.types;

import java.util.ArrayList;
import java.util.List;

/** A mutable POJO without {@code equals}: dirty checking must compare its JSON, not its identity. */
public class Settings {
  private boolean notifications;
  private List<String> channels = new ArrayList<>();

  public boolean isNotifications() {
    return notifications;
  }

  public void setNotifications(boolean notifications) {
    this.notifications = notifications;
  }

  public List<String> getChannels() {
    return channels;
  }

  public void setChannels(List<String> channels) {
    this.channels = channels;
  }
}
