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
    router.route().handler(new TextInputHandler());
    router.post("/things").handler(ctx -> {
      JsonRequest request = JsonRequest.of(ctx);
      String email = request.requiredEmail("email");
      String name = request.requiredString("name", 5);
      String note = request.has("note") ? request.requiredText("note", 50) : null;
      Long count = request.has("count") ? request.requiredLong("count", 0, 100) : null;
      request.validate();
      ctx.json(new JsonObject().put("email", email).put("name", name).put("note", note).put("count", count));
    });
    router.get("/things").handler(ctx -> ctx.json(new JsonObject()));
    Router api = Router.router(vertx);
    api.get("/orders/:id").handler(ctx -> ctx.json(new JsonObject()));
    api.post("/orders/:id").handler(ctx -> ctx.json(new JsonObject()));
    router.route("/api/v1/*").subRouter(api);
    Problems.handleErrors(api);
    router.get("/boom").handler(ctx -> {
      throw new IllegalStateException("secret internals");
    });
    router.get("/private").handler(ctx -> ctx.fail(401));
    Problems.handleErrors(router);
    server = vertx.createHttpServer().requestHandler(router).invalidRequestHandler(Problems::invalidRequest)
        .listen(0, "127.0.0.1").await();
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
  void textWithNulControlCharactersOrLoneSurrogatesIsA400NamingTheField() throws Exception {
    for (String name : new String[] {"A\\u0000n", "A\\tn", "A\\nn", "A\\u001bn", "A\\ud800n", "A\\udc00n"}) {
      HttpResponse<String> response = post("{\"email\":\"a@b.co\",\"name\":\"" + name + "\"}");
      assertProblem(response, 400);
      assertThat(problem(response).getJsonArray("errors").getJsonObject(0).getString("field")).as(name)
          .isEqualTo("name");
    }
    assertThat(post("{\"email\":\"a@b.co\",\"name\":\"\\ud83d\\ude00\"}").statusCode())
        .as("a surrogate pair is one character").isEqualTo(200);
  }

  @Test
  void aFieldOfSeveralLinesMayHoldLineBreaksAndTabsButNoOtherControlCharacters() throws Exception {
    assertThat(post("{\"email\":\"a@b.co\",\"name\":\"Ann\",\"note\":\"1 Main St\\n\\tFlat 2\"}").statusCode())
        .isEqualTo(200);
    assertProblem(post("{\"email\":\"a@b.co\",\"name\":\"Ann\",\"note\":\"1 Main\\u0000\"}"), 400);
    assertProblem(post("{\"email\":\"a@b.co\",\"name\":\"Ann\",\"note\":\"1 Main\\u0007\"}"), 400);
  }

  @Test
  void aWholeNumberMayBeWrittenWithAFraction() throws Exception {
    HttpResponse<String> response = post("{\"email\":\"a@b.co\",\"name\":\"Ann\",\"count\":93.0}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getLong("count")).isEqualTo(93);
    assertProblem(post("{\"email\":\"a@b.co\",\"name\":\"Ann\",\"count\":93.5}"), 400);
    assertProblem(post("{\"email\":\"a@b.co\",\"name\":\"Ann\",\"count\":1e300}"), 400);
  }

  @Test
  void emailsAreStrictAndStoredInOneForm() throws Exception {
    HttpResponse<String> response = post("{\"email\":\"Ann.O@Example.COM\",\"name\":\"Ann\"}");
    assertThat(new JsonObject(response.body()).getString("email")).isEqualTo("ann.o@example.com");
    // "é" written as e + combining acute accent is stored composed (NFC).
    response = post("{\"email\":\"re\\u0301my@example.com\",\"name\":\"Ann\"}");
    assertThat(new JsonObject(response.body()).getString("email")).isEqualTo("r\u00e9my@example.com");
    for (String email : new String[] {"\\u00e0@\\u00a5z\\u00a9\\u00e7\\u0002B.", "a@b", "a@@b.co", "a@b..co", "a b@c.co",
        "a@b.co.", "x".repeat(65) + "@b.co", "a\\u0085@b.co"}) {
      assertProblem(post("{\"email\":\"" + email + "\",\"name\":\"Ann\"}"), 400);
    }
  }

  @Test
  void queryParametersWithControlCharactersAreA400NamingThem() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things?page=1&q=a%00b")).GET());
    assertProblem(response, 400);
    assertThat(problem(response).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("q");
    assertProblem(send(HttpRequest.newBuilder(uri("/things%00")).GET()), 400);
  }

  @Test
  void aRequestLineOrHeadersOverTheServersLimitsAreProblemsToo() throws Exception {
    // The limits are HTTP/1.1's: an HTTP/2 request has neither a request line nor a text header block.
    HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest longUri = HttpRequest.newBuilder(uri("/things?q=" + "x".repeat(5000))).GET().build();
    assertProblem(http11.send(longUri, HttpResponse.BodyHandlers.ofString()), 414);
    HttpRequest bigHeaders = HttpRequest.newBuilder(uri("/things")).header("X-Padding", "x".repeat(9000)).GET().build();
    assertProblem(http11.send(bigHeaders, HttpResponse.BodyHandlers.ofString()), 431);
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
  void anUnsupportedMethodIsA405ThatSaysWhichAreAllowed() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/boom")).DELETE());
    assertProblem(response, 405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");

    HttpResponse<String> mounted = send(HttpRequest.newBuilder(uri("/api/v1/orders/42")).DELETE());
    assertProblem(mounted, 405);
    assertThat(mounted.headers().firstValue("Allow")).as("a route of a mounted router").hasValue("GET, POST");
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
