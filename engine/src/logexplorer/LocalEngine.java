package logexplorer;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Elasticsearch node in this JVM for local development and tests.
 * Usage: LocalEngine <home-dir> <http-port> <transport-port>
 * Everything the node writes (data, logs) stays under home-dir.
 */
public final class LocalEngine {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalEngine <home-dir> <http-port> <transport-port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "log-explorer-local")
            .put("node.name", "local-engine")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", args[2])
            // A laptop or CI disk fills up for reasons that have nothing to do with us: never
            // let the engine flip indices to read-only because of it.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // Local use: one node, so replicas could never be assigned (health stays yellow).
            .put("action.auto_create_index", true)
            .put("http.max_content_length", "200mb")
            .build();

        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "local-engine");
        Node node = new EmbeddedNode(environment, List.of(Netty4Plugin.class));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "local-engine-shutdown"));

        node.start();
        System.out.println("LOCAL-ENGINE-STARTED http://127.0.0.1:" + args[1]);
        stopped.await();
    }
}
