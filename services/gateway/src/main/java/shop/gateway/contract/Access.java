package shop.gateway.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Who may call an operation, read from its OpenAPI {@code security}: {@code []} makes it public; a
 * bearer requirement with role names ({@code bearerAuth: [admin]}, as OpenAPI 3.1 allows for
 * non-OAuth schemes) also needs those roles. An operation without {@code security} inherits the
 * document's.
 */
public record Access(boolean isPublic, List<String> roles) {

  public static final Access PUBLIC = new Access(true, List.of());

  static Access of(JsonObject operation, JsonArray documentSecurity) {
    JsonArray security = operation.containsKey("security") ? operation.getJsonArray("security") : documentSecurity;
    if (security == null || security.isEmpty()) {
      return PUBLIC;
    }
    JsonObject requirement = security.getJsonObject(0);
    if (requirement.isEmpty()) {
      return PUBLIC;
    }
    JsonArray roles = requirement.getJsonArray(requirement.fieldNames().iterator().next(), new JsonArray());
    return new Access(false, roles.stream().map(String::valueOf).toList());
  }
}
