package shop.user.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import shop.contracts.users.UserSummary;

/** A user account as stored. Its JSON form never contains the password hash. */
public record User(UUID id, String email, String name, String passwordHash, List<String> roles,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  public static final String CUSTOMER = "customer";
  public static final String ADMIN = "admin";

  static User from(Row row) {
    return new User(row.getUUID("id"), row.getString("email"), row.getString("name"),
        row.getString("password_hash"), Arrays.asList(row.getArrayOfStrings("roles")),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("email", email)
        .put("name", name)
        .put("roles", new JsonArray(roles))
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }

  public UserSummary summary() {
    return new UserSummary(id.toString(), email, name, roles);
  }
}
