package shop.platform.boot;

import io.vertx.core.Completable;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Counter;
import io.vertx.core.shareddata.Lock;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.core.spi.cluster.NodeListener;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.core.spi.cluster.RegistrationListener;
import java.util.List;
import java.util.Map;

/**
 * A real cluster member whose event-bus registrations reach the cluster only after a delay, as they
 * do on a busy or distant cluster: makes visible who publishes a service before it can be reached.
 */
final class SlowToRegister implements ClusterManager {

  private final ClusterManager cluster;
  private final long delayMs;
  private Vertx vertx;

  SlowToRegister(ClusterManager cluster, long delayMs) {
    this.cluster = cluster;
    this.delayMs = delayMs;
  }

  @Override
  public void addRegistration(String address, RegistrationInfo registrationInfo, Completable<Void> promise) {
    vertx.setTimer(delayMs, fired -> cluster.addRegistration(address, registrationInfo, promise));
  }

  @Override
  public void init(Vertx vertx) {
    this.vertx = vertx;
    cluster.init(vertx);
  }

  @Override
  public <K, V> void getAsyncMap(String name, Completable<AsyncMap<K, V>> promise) {
    cluster.getAsyncMap(name, promise);
  }

  @Override
  public <K, V> Map<K, V> getSyncMap(String name) {
    return cluster.getSyncMap(name);
  }

  @Override
  public void getLockWithTimeout(String name, long timeout, Completable<Lock> promise) {
    cluster.getLockWithTimeout(name, timeout, promise);
  }

  @Override
  public void getCounter(String name, Completable<Counter> promise) {
    cluster.getCounter(name, promise);
  }

  @Override
  public void nodeListener(NodeListener listener) {
    cluster.nodeListener(listener);
  }

  @Override
  public void setNodeInfo(NodeInfo nodeInfo, Completable<Void> promise) {
    cluster.setNodeInfo(nodeInfo, promise);
  }

  @Override
  public void join(Completable<Void> promise) {
    cluster.join(promise);
  }

  @Override
  public void leave(Completable<Void> promise) {
    cluster.leave(promise);
  }

  @Override
  public boolean isActive() {
    return cluster.isActive();
  }

  @Override
  public void registrationListener(RegistrationListener registrationListener) {
    cluster.registrationListener(registrationListener);
  }

  @Override
  public void removeRegistration(String address, RegistrationInfo registrationInfo, Completable<Void> promise) {
    cluster.removeRegistration(address, registrationInfo, promise);
  }

  @Override
  public String clusterHost() {
    return cluster.clusterHost();
  }

  @Override
  public String clusterPublicHost() {
    return cluster.clusterPublicHost();
  }

  @Override
  public String getNodeId() {
    return cluster.getNodeId();
  }

  @Override
  public void getRegistrations(String address, Completable<List<RegistrationInfo>> promise) {
    cluster.getRegistrations(address, promise);
  }

  @Override
  public NodeInfo getNodeInfo() {
    return cluster.getNodeInfo();
  }

  @Override
  public void getNodeInfo(String nodeId, Completable<NodeInfo> promise) {
    cluster.getNodeInfo(nodeId, promise);
  }

  @Override
  public List<String> getNodes() {
    return cluster.getNodes();
  }
}
