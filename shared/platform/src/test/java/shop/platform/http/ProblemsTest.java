package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every failure a client can provoke comes back as problem+json with a useful status, over real HTTP. */
class ProblemsTest {

  private static final Vertx vertx = Vertx.vertx();
  private static final HttpClient client = HttpClient.newHttpClient();
  private static HttpServer server;

  @BeforeAll
  static void start() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(200));
    router.post("/things").handler(ctx -> {
      JsonRequest request = JsonRequest.of(ctx);
      String email = request.requiredEmail("email");
      String name = request.requiredString("name", 5);
      request.validate();
      ctx.json(new JsonObject().put("email", email).put("name", name));
    });
    router.get("/boom").handler(ctx -> {
      throw new IllegalStateException("secret internals");
    });
    router.get("/private").handler(ctx -> ctx.fail(401));
    Problems.handleErrors(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void aValidRequestPasses() throws Exception {
    HttpResponse<String> response = post("{\"email\":\"a@b.co\",\"name\":\" Ann \"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getString("name")).isEqualTo("Ann");
  }

  @Test
  void malformedJsonIsA400() throws Exception {
    HttpResponse<String> response = post("{\"email\":");
    assertProblem(response, 400);
    assertThat(problem(response).getString("detail")).contains("not valid JSON");
  }

  @Test
  void aBodyThatIsNotAnObjectIsA400() throws Exception {
    assertProblem(post("[1,2]"), 400);
    assertProblem(post(""), 400);
  }

  @Test
  void everyInvalidFieldIsNamed() throws Exception {
    HttpResponse<String> response = post("{\"email\":\"not-an-email\",\"name\":\"far too long\"}");
    assertProblem(response, 400);
    assertThat(problem(response).getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactly("email", "name");
  }

  @Test
  void aMissingFieldIsNamed() throws Exception {
    HttpResponse<String> response = post("{\"email\":\"a@b.co\"}");
    assertProblem(response, 400);
    assertThat(problem(response).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("name");
  }

  @Test
  void anOversizedBodyIsA413() throws Exception {
    assertProblem(post("{\"name\":\"" + "x".repeat(500) + "\"}"), 413);
  }

  @Test
  void anUnknownRouteIsA404() throws Exception {
    assertProblem(send(HttpRequest.newBuilder(uri("/nowhere")).GET()), 404);
  }

  @Test
  void anUnsupportedMethodIsA405() throws Exception {
    assertProblem(send(HttpRequest.newBuilder(uri("/boom")).DELETE()), 405);
  }

  @Test
  void anUnauthenticatedRequestIsA401ThatAsksForABearerToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/private")).GET());
    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void aBugIsA500ThatRevealsNothing() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/boom")).GET());
    assertProblem(response, 500);
    assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    assertThat(problem(response).getInteger("status")).isEqualTo(status);
    assertThat(problem(response).getString("title")).isNotBlank();
  }

  private static JsonObject problem(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return send(HttpRequest.newBuilder(uri("/things")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + path);
  }
}
