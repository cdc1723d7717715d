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
    assertThat(contract.hasPath("/api/v1/products")).isTrue();
    assertThat(contract.operation("/api/v1/nothing", HttpMethod.GET)).isNull();
    assertThat(contract.hasPath("/api/v1/nothing")).isFalse();
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
  }

  @Test
  void checksParametersAndBodiesAgainstTheirSchemas() {
    Operation getProduct = contract.operation("/api/v1/products/x", HttpMethod.GET);
    assertThat(contract.check(getProduct, "/api/v1/products/" + UUID.randomUUID(), MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer())).isEmpty();
    assertThat(contract.check(getProduct, "/api/v1/products/not-a-uuid", MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer())).as("any id will do: an unknown one is simply not found").isEmpty();
    Operation listPayments = contract.operation("/api/v1/payments", HttpMethod.GET);
    assertThat(fields(contract.check(listPayments, "/api/v1/payments",
        MultiMap.caseInsensitiveMultiMap().add("orderId", "not-a-uuid"), Buffer.buffer()))).containsExactly("orderId");

    Operation listProducts = contract.operation("/api/v1/products", HttpMethod.GET);
    assertThat(fields(contract.check(listProducts, "/api/v1/products",
        MultiMap.caseInsensitiveMultiMap().add("size", "1000").add("page", "x"), Buffer.buffer())))
        .containsExactlyInAnyOrder("size", "page");

    Operation placeOrder = contract.operation("/api/v1/orders", HttpMethod.POST);
    Buffer order = Buffer.buffer("{\"items\":[{\"productId\":\"nope\",\"quantity\":0}]}");
    assertThat(fields(contract.check(placeOrder, "/api/v1/orders", MultiMap.caseInsensitiveMultiMap(), order)))
        .contains("items[0].productId", "items[0].quantity", "shippingAddress");
    assertThat(fields(contract.check(placeOrder, "/api/v1/orders", MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer("{\"items\": [")))).containsExactly("body");
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
