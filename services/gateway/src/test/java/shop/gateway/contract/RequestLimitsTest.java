package shop.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import shop.contracts.orders.OrderLimits;
import shop.platform.http.Emails;
import shop.platform.http.PageRequest;
import shop.platform.http.Problem.FieldError;

/**
 * The limits the contract states (and the gateway enforces) are the ones the services enforce: a
 * request at a service's limit passes the gateway, one beyond it is refused there already.
 */
class RequestLimitsTest {

  private static final String ORDERS = "/api/v1/orders";
  private static final Vertx vertx = Vertx.vertx();
  private static final ApiContract contract = ApiContract.load(vertx, "shop/gateway/openapi.yaml").await();

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void anOrderHoldsAsManyLinesAsOrderServiceTakes() {
    assertThat(placeOrder(order(OrderLimits.MAX_LINES, 1, "1 Main St"))).isEmpty();
    assertThat(placeOrder(order(OrderLimits.MAX_LINES + 1, 1, "1 Main St"))).containsExactly("items");
  }

  @Test
  void aLineHoldsAsManyUnitsAsOrderServiceTakes() {
    assertThat(placeOrder(order(1, OrderLimits.MAX_QUANTITY, "1 Main St"))).isEmpty();
    assertThat(placeOrder(order(1, OrderLimits.MAX_QUANTITY + 1, "1 Main St"))).contains("items[0].quantity");
  }

  @Test
  void aShippingAddressIsAsLongAsOrderServiceTakes() {
    String longest = "x".repeat(OrderLimits.MAX_SHIPPING_ADDRESS_LENGTH);
    assertThat(placeOrder(order(1, 1, longest))).isEmpty();
    assertThat(placeOrder(order(1, 1, longest + "x"))).containsExactly("shippingAddress");
  }

  @Test
  void anIdempotencyKeyIsAsLongAsOrderServiceTakes() {
    Operation placeOrder = contract.operation(ORDERS, HttpMethod.POST);
    String longest = "k".repeat(OrderLimits.MAX_IDEMPOTENCY_KEY_LENGTH);
    String body = order(1, 1, "1 Main St");
    assertThat(check(placeOrder, ORDERS, none(), none().add("Idempotency-Key", longest), body)).isEmpty();
    assertThat(check(placeOrder, ORDERS, none(), none().add("Idempotency-Key", longest + "k"), body))
        .containsExactly("Idempotency-Key");
  }

  @Test
  void everyListPagesAsTheServicesDo() {
    List<Operation> paged = contract.operations().stream().filter(op -> query(op, "size").isPresent()).toList();
    assertThat(paged).extracting(Operation::getOperationId).contains("listProducts", "listMyOrders",
        "listMyPayments", "listMyShipments", "listMyNotifications");
    for (Operation list : paged) {
      String path = list.getOpenAPIPath();
      assertThat(query(list, "size").orElseThrow().getSchema().<Number>get("default").intValue())
          .as(list.getOperationId()).isEqualTo(PageRequest.DEFAULT_SIZE);
      assertThat(check(list, path, none().add("size", String.valueOf(PageRequest.MAX_SIZE))
          .add("page", String.valueOf(PageRequest.MAX_PAGE)), none(), "")).as(list.getOperationId()).isEmpty();
      assertThat(check(list, path, none().add("size", String.valueOf(PageRequest.MAX_SIZE + 1))
          .add("page", String.valueOf(PageRequest.MAX_PAGE + 1)), none(), ""))
          .as(list.getOperationId()).containsExactlyInAnyOrder("size", "page");
    }
  }

  @Test
  void anEmailAddressIsAsLongAsUserServiceTakes() {
    assertThat(refusedEmails(email(Emails.MAX_LENGTH))).isEmpty();
    assertThat(refusedEmails(email(Emails.MAX_LENGTH + 1))).containsExactly("registerUser", "updateMe", "issueToken");
  }

  /** The operations that take an email address and refuse this one. */
  private static List<String> refusedEmails(String email) {
    Map<Operation, JsonObject> bodies = new LinkedHashMap<>();
    bodies.put(contract.operation("/api/v1/users", HttpMethod.POST),
        new JsonObject().put("email", email).put("name", "Ann").put("password", "correct horse"));
    bodies.put(contract.operation("/api/v1/users/me", HttpMethod.PATCH), new JsonObject().put("email", email));
    bodies.put(contract.operation("/api/v1/auth/token", HttpMethod.POST),
        new JsonObject().put("email", email).put("password", "correct horse"));
    return bodies.entrySet().stream()
        .filter(body -> check(body.getKey(), body.getKey().getOpenAPIPath(), none(), none(), body.getValue().encode())
            .contains("email"))
        .map(body -> body.getKey().getOperationId())
        .toList();
  }

  /** An address of {@code length} characters: the longest local part, then a domain of labels of 63 at most. */
  private static String email(int length) {
    StringBuilder domain = new StringBuilder();
    int left = length - 65;
    for (; left > 64; left -= 64) {
      domain.append("d".repeat(63)).append('.');
    }
    return "a".repeat(64) + "@" + domain + "d".repeat(left);
  }

  private static String order(int lines, int quantity, String address) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < lines; i++) {
      items.add(new JsonObject().put("productId", UUID.randomUUID().toString()).put("quantity", quantity));
    }
    return new JsonObject().put("items", items).put("shippingAddress", address).encode();
  }

  private static List<String> placeOrder(String body) {
    return check(contract.operation(ORDERS, HttpMethod.POST), ORDERS, none(), none().add("Idempotency-Key", "k-1"),
        body);
  }

  private static Optional<Parameter> query(Operation operation, String name) {
    return operation.getParameters().stream()
        .filter(parameter -> parameter.getIn() == Location.QUERY && parameter.getName().equals(name))
        .findFirst();
  }

  private static MultiMap none() {
    return MultiMap.caseInsensitiveMultiMap();
  }

  private static List<String> check(Operation operation, String path, MultiMap query, MultiMap headers, String body) {
    return contract.check(operation, path, query, headers, Buffer.buffer(body)).stream()
        .map(FieldError::field).distinct().toList();
  }
}
