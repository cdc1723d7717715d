package shop.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.http.Problem.FieldError;

class ApiContractTest {

  private static Vertx vertx;
  private static ApiContract contract;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    contract = ApiContract.load(vertx, "shop/gateway/openapi.yaml").await();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void findsOperationsByFullPath() {
    assertThat(contract.operation("/api/v1/products/42/stock", HttpMethod.PUT).getOperationId()).isEqualTo("setStock");
    assertThat(contract.operation("/api/v1/orders/1/history", HttpMethod.GET).getOperationId())
        .isEqualTo("getOrderHistory");
    assertThat(contract.operation("/api/v1/products", HttpMethod.DELETE)).isNull();
    assertThat(contract.methods("/api/v1/products")).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
    assertThat(contract.operation("/api/v1/nothing", HttpMethod.GET)).isNull();
    assertThat(contract.methods("/api/v1/nothing")).isEmpty();
  }

  @Test
  void readsWhoMayCallWhat() {
    assertThat(access("/api/v1/users", HttpMethod.POST)).isEqualTo(Access.PUBLIC);
    assertThat(access("/api/v1/auth/token", HttpMethod.POST)).isEqualTo(Access.PUBLIC);
    assertThat(access("/api/v1/auth/jwks", HttpMethod.GET)).isEqualTo(Access.PUBLIC);
    assertThat(access("/api/v1/products", HttpMethod.GET)).isEqualTo(Access.PUBLIC);
    assertThat(access("/api/v1/products/1", HttpMethod.GET)).isEqualTo(Access.PUBLIC);
    assertThat(access("/api/v1/users/me", HttpMethod.GET)).isEqualTo(new Access(false, List.of()));
    assertThat(access("/api/v1/orders", HttpMethod.POST)).isEqualTo(new Access(false, List.of()));
    assertThat(access("/api/v1/products", HttpMethod.POST)).isEqualTo(new Access(false, List.of("admin")));
    assertThat(access("/api/v1/products/1/stock", HttpMethod.PUT)).isEqualTo(new Access(false, List.of("admin")));
    assertThat(access("/api/v1/admin/orders/read-model/rebuild", HttpMethod.POST))
        .isEqualTo(new Access(false, List.of("admin")));
    assertThat(contract.rateLimit(contract.operation("/api/v1/auth/token", HttpMethod.POST))).hasValue("password-hashing");
    assertThat(contract.rateLimit(contract.operation("/api/v1/products", HttpMethod.GET))).isEmpty();
  }

  @Test
  void checksParametersAndBodiesAgainstTheirSchemas() {
    Operation getProduct = contract.operation("/api/v1/products/x", HttpMethod.GET);
    assertThat(check(getProduct, "/api/v1/products/" + UUID.randomUUID(), none(), none(), "")).isEmpty();
    assertThat(check(getProduct, "/api/v1/products/not-a-uuid", none(), none(), ""))
        .as("any id will do: an unknown one is simply not found").isEmpty();
    Operation listPayments = contract.operation("/api/v1/payments", HttpMethod.GET);
    assertThat(check(listPayments, "/api/v1/payments", none().add("orderId", "not-a-uuid"), none(), ""))
        .containsExactly("orderId");

    Operation listProducts = contract.operation("/api/v1/products", HttpMethod.GET);
    assertThat(check(listProducts, "/api/v1/products", none().add("size", "1000").add("page", "x"), none(), ""))
        .containsExactlyInAnyOrder("size", "page");

    Operation placeOrder = contract.operation("/api/v1/orders", HttpMethod.POST);
    MultiMap key = none().add("Idempotency-Key", "k-1");
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, "{\"items\":[{\"productId\":\"nope\",\"quantity\":0}]}"))
        .contains("items[0].productId", "items[0].quantity", "shippingAddress");
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, "{\"items\": [")).containsExactly("body");
    assertThat(check(placeOrder, "/api/v1/orders", none(), none().add("Idempotency-Key", "caf\u00e9"), ORDER))
        .as("a header parameter").containsExactly("Idempotency-Key");
  }

  @Test
  void refusesWhatNoServiceAcceptsAsTheServicesDo() {
    Operation placeOrder = contract.operation("/api/v1/orders", HttpMethod.POST);
    MultiMap key = none().add("Idempotency-Key", "k-1");
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER)).isEmpty();
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER.replace("\"quantity\":1", "\"quantity\":1.0")))
        .as("93.0 is a whole number").isEmpty();
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER.replace("1 Main St", "1 Main St\\n\\tFlat 2")))
        .as("an address of several lines").isEmpty();
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER.replace("1 Main St", "1 Main\\u0000St")))
        .containsOnly("shippingAddress");
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER.replace("1 Main St", "   ")))
        .containsOnly("shippingAddress");
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER.replace("1 Main St", "1 Main\\ud800St")))
        .as("a lone surrogate").containsOnly("shippingAddress");
    assertThat(check(placeOrder, "/api/v1/orders", none(), key, ORDER.replace("}]", ",\"note\":\"x\"}]")))
        .as("a member no schema describes").isNotEmpty();

    Operation register = contract.operation("/api/v1/users", HttpMethod.POST);
    String ann = "{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"password\":\"correct horse\"}";
    assertThat(check(register, "/api/v1/users", none(), none(), ann)).isEmpty();
    assertThat(check(register, "/api/v1/users", none(), none(), ann.replace("\"Ann\"", "\" \\t \""))).containsOnly("name");
    assertThat(check(register, "/api/v1/users", none(), none(), ann.replace("ann@example.com", "ann@example")))
        .containsOnly("email");
  }

  private static final String ORDER = "{\"items\":[{\"productId\":\"" + UUID.randomUUID()
      + "\",\"quantity\":1}],\"shippingAddress\":\"1 Main St\"}";

  private static MultiMap none() {
    return MultiMap.caseInsensitiveMultiMap();
  }

  private static List<String> check(Operation operation, String path, MultiMap query, MultiMap headers, String body) {
    return fields(contract.check(operation, path, query, headers, Buffer.buffer(body)));
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void namesFieldsAsClientsSendThem() {
    assertThat(ApiContract.field("#/items/0/quantity")).isEqualTo("items[0].quantity");
    assertThat(ApiContract.field("/email")).isEqualTo("email");
    assertThat(ApiContract.field("#")).isEmpty();
  }

  private static Access access(String path, HttpMethod method) {
    Operation operation = contract.operation(path, method);
    return contract.access(operation);
  }
}
