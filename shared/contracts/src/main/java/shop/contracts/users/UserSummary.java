package shop.contracts.users;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What other services may know about a user: never credentials. */
@DataObject
public final class UserSummary {

  private final String id;
  private final String email;
  private final String name;
  private final List<String> roles;

  public UserSummary(String id, String email, String name, List<String> roles) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.roles = List.copyOf(roles);
  }

  public UserSummary(JsonObject json) {
    this(json.getString("id"), json.getString("email"), json.getString("name"),
        json.getJsonArray("roles", new JsonArray()).stream().map(String::valueOf).toList());
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("email", email).put("name", name).put("roles", new JsonArray(roles));
  }

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public List<String> getRoles() {
    return roles;
  }
}
