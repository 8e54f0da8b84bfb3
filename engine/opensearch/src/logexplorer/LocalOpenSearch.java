package logexplorer;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one OpenSearch node in this JVM for local development and tests, the counterpart of
 * the Elasticsearch launcher in engine/src. Usage: LocalOpenSearch <home-dir> <http-port> <transport-port>
 * The node class differs between OpenSearch 2 and 3 (src-2/, src-3/): how a class-path plugin
 * is handed to the node's constructor changed in 3.0.
 */
public final class LocalOpenSearch {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalOpenSearch <home-dir> <http-port> <transport-port>");
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
            // Same reasons as the Elasticsearch launcher: a full disk elsewhere must not make
            // our indices read-only, and index creation stays automatic.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .put("http.max_content_length", "200mb")
            .build();

        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "local-engine");
        Node node = ClasspathNode.create(environment);

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
