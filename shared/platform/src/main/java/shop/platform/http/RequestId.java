package shop.platform.http;

/**
 * The request id header: the gateway gives every request one (the client's, if sane) and passes it
 * to the service, so a client's report and every log line of the request can be matched.
 */
public final class RequestId {

  public static final String HEADER = "X-Request-ID";

  private RequestId() {
  }
}
