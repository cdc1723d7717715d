package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's own records over real HTTP: only with a token, only theirs, a page at a time, 404 for any other id. */
class OwnRecordsTest {

  private static final Vertx vertx = Vertx.vertx();
  private static final HttpClient client = HttpClient.newHttpClient();
  private static final UUID ANN = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final UUID ANNS_ORDER = UUID.randomUUID();
  private static final List<Note> NOTES = Stream.concat(
      IntStream.range(0, 25).mapToObj(i -> new Note(UUID.randomUUID(), ANN, i < 3 ? ANNS_ORDER : UUID.randomUUID())),
      Stream.of(new Note(UUID.randomUUID(), BOB, UUID.randomUUID()))).toList();

  private static JWTAuth jwt;
  private static HttpServer server;

  record Note(UUID id, UUID owner, UUID orderId) {
    JsonObject toJson() {
      return new JsonObject().put("id", id.toString()).put("orderId", orderId.toString());
    }
  }

  @BeforeAll
  static void start() {
    jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("a secret for this test only")));
    Router router = Router.router(vertx);
    OwnRecords.mount(router, jwt, "/notes", Note::toJson)
        .listFilteredBy("orderId", OwnRecordsTest::notes)
        .get("note", OwnRecordsTest::note);
    OwnRecords.mount(router, jwt, "/inbox", Note::toJson).list((user, page) -> notes(user, null, page));
    Problems.handleErrors(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static Future<List<Note>> notes(UUID user, UUID orderId, PageRequest page) {
    return Future.succeededFuture(NOTES.stream()
        .filter(note -> note.owner().equals(user) && (orderId == null || note.orderId().equals(orderId)))
        .skip(page.offset()).limit(page.limit()).toList());
  }

  private static Future<Optional<Note>> note(UUID id, UUID user) {
    return Future.succeededFuture(NOTES.stream()
        .filter(note -> note.id().equals(id) && note.owner().equals(user)).findFirst());
  }

  @Test
  void everyRouteNeedsABearerToken() throws Exception {
    for (String path : List.of("/notes", "/notes/" + NOTES.get(0).id(), "/inbox")) {
      HttpResponse<String> response = get(path, null);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    }
  }

  @Test
  void listsTheCallersOwnRecordsAPageAtATime() throws Exception {
    HttpResponse<String> first = get("/notes", ANN);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue(JsonResponses.CONTENT_TYPE);
    JsonObject page = new JsonObject(first.body());
    assertThat(page.getJsonArray("items")).hasSize(PageRequest.DEFAULT_SIZE);
    assertThat(page.getInteger("page")).isZero();
    assertThat(page.getInteger("size")).isEqualTo(PageRequest.DEFAULT_SIZE);
    assertThat(page.getBoolean("hasMore")).isTrue();

    JsonObject last = new JsonObject(get("/notes?page=1", ANN).body());
    assertThat(last.getJsonArray("items")).hasSize(25 - PageRequest.DEFAULT_SIZE);
    assertThat(last.getBoolean("hasMore")).isFalse();

    assertThat(ids(new JsonObject(get("/notes", BOB).body()))).containsExactly(NOTES.get(25).id().toString());
    assertThat(ids(new JsonObject(get("/inbox?size=100", BOB).body()))).containsExactly(NOTES.get(25).id().toString());
  }

  @Test
  void aFilterNarrowsTheListAndMustBeAUuid() throws Exception {
    JsonObject filtered = new JsonObject(get("/notes?orderId=" + ANNS_ORDER, ANN).body());
    List<String> annsOrderNotes = NOTES.subList(0, 3).stream().map(note -> note.id().toString()).toList();
    assertThat(ids(filtered)).containsExactlyElementsOf(annsOrderNotes);
    assertThat(ids(new JsonObject(get("/notes?orderId=" + ANNS_ORDER, BOB).body()))).isEmpty();

    HttpResponse<String> bad = get("/notes?orderId=nope", ANN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("orderId");
  }

  @Test
  void aPageHoldsAtMostTheLargestSize() throws Exception {
    assertThat(get("/notes?size=" + PageRequest.MAX_SIZE, ANN).statusCode()).isEqualTo(200);
    HttpResponse<String> tooLarge = get("/notes?size=" + (PageRequest.MAX_SIZE + 1), ANN);
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(tooLarge.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("size");
    assertThat(get("/inbox?page=" + (PageRequest.MAX_PAGE + 1), ANN).statusCode()).isEqualTo(400);
  }

  @Test
  void answersOneOfTheCallersRecordsAndA404ForAnyOther() throws Exception {
    Note annsNote = NOTES.get(0);
    HttpResponse<String> mine = get("/notes/" + annsNote.id(), ANN);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Content-Type")).hasValue(JsonResponses.CONTENT_TYPE);
    assertThat(new JsonObject(mine.body())).isEqualTo(annsNote.toJson());

    HttpResponse<String> someoneElses = get("/notes/" + annsNote.id(), BOB);
    assertThat(someoneElses.statusCode()).isEqualTo(404);
    assertThat(someoneElses.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    assertThat(new JsonObject(someoneElses.body()).getString("detail")).isEqualTo("No note " + annsNote.id());
    assertThat(get("/notes/" + UUID.randomUUID(), ANN).statusCode()).isEqualTo(404);
    assertThat(get("/notes/not-a-uuid", ANN).statusCode()).isEqualTo(404);
  }

  private static List<String> ids(JsonObject page) {
    JsonArray items = page.getJsonArray("items");
    return items.stream().map(item -> ((JsonObject) item).getString("id")).toList();
  }

  private static HttpResponse<String> get(String path, UUID user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path));
    if (user != null) {
      request.header("Authorization", "Bearer " + jwt.generateToken(new JsonObject(),
          new JWTOptions().setSubject(user.toString())));
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
