package shop.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.platform.http.Problem;
import shop.platform.security.Jwt;

class CallersTest {

  private static final Access CUSTOMERS = new Access(false, List.of("customer"));
  private static final Access ADMINS = new Access(false, List.of("admin"));

  private final Vertx vertx = Vertx.vertx();
  private final JWTAuth tokens = tokensSignedWith("the gateway's test key");
  private final Callers callers = new Callers(tokens);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void withoutABearerTokenThePublicOperationsCallerIsAnonymous() {
    assertThat(callers.identify(null, Access.PUBLIC).await()).isNull();
    assertThat(callers.identify("Basic dXNlcjpwYXNz", Access.PUBLIC).await()).isNull();
  }

  @Test
  void withoutABearerTokenAProtectedOperationIsUnauthorized() {
    assertThat(refusal(callers.identify(null, CUSTOMERS)).status()).isEqualTo(401);
    assertThat(refusal(callers.identify("Basic dXNlcjpwYXNz", CUSTOMERS)).status()).isEqualTo(401);
  }

  @Test
  void aValidTokenIsItsUserWhateverTheCaseOfBearer() {
    String token = token("user-1", "customer", nowSeconds() + 600);

    assertThat(callers.identify("Bearer " + token, CUSTOMERS).await().subject()).isEqualTo("user-1");
    assertThat(callers.identify("bearer " + token, CUSTOMERS).await().subject()).isEqualTo("user-1");
    assertThat(callers.identify("Bearer " + token, Access.PUBLIC).await().subject()).as("on a public operation")
        .isEqualTo("user-1");
  }

  @Test
  void aForgedOrExpiredTokenIsUnauthorizedOnAProtectedOperationAndAnonymousOnAPublicOne() {
    String forged = tokensSignedWith("another key").generateToken(
        new JsonObject().put(Jwt.ROLES_CLAIM, new JsonArray().add("customer")),
        new JWTOptions().setSubject("user-1").setExpiresInSeconds(600));
    String expired = token("user-1", "customer", nowSeconds() - 60);

    for (String token : List.of(forged, expired)) {
      assertThat(refusal(callers.identify("Bearer " + token, CUSTOMERS)).status()).isEqualTo(401);
      assertThat(callers.identify("Bearer " + token, Access.PUBLIC).await()).isNull();
    }
  }

  @Test
  void aTokenWithoutTheOperationsRoleIsForbidden() {
    String customer = token("user-1", "customer", nowSeconds() + 600);

    Problem refused = refusal(callers.identify("Bearer " + customer, ADMINS));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.getMessage()).contains("admin");
  }

  private JWTAuth tokensSignedWith(String key) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
  }

  private String token(String subject, String role, long expiresAtSeconds) {
    return tokens.generateToken(
        new JsonObject().put(Jwt.ROLES_CLAIM, new JsonArray().add(role)).put("exp", expiresAtSeconds),
        new JWTOptions().setSubject(subject));
  }

  private static Problem refusal(Future<User> caller) {
    Throwable cause = caller.<Throwable>transform(done -> Future.succeededFuture(done.cause())).await();
    assertThat(cause).isInstanceOf(Problem.class);
    return (Problem) cause;
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
