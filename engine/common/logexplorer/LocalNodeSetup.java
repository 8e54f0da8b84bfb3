package logexplorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What the Elasticsearch launcher (engine/src) and the OpenSearch one (engine/opensearch/src)
 * share: their arguments, the node's folders and settings, and running it until the JVM is told
 * to stop. Plain Java with no engine class in it, so the one file compiles against either
 * engine's jars; each launcher keeps only what differs (its Settings, logging and Node classes).
 */
final class LocalNodeSetup {
    /** Starting or stopping a node: the engines' Node classes share no type, so each launcher passes its own calls. */
    interface NodeAction {
        void run() throws Exception;
    }

    final Path home;
    final String httpPort;
    final String transportPort;

    private LocalNodeSetup(Path home, String httpPort, String transportPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /** `<home-dir> <http-port> <transport-port>`, with home's config, data and logs folders created. */
    static LocalNodeSetup fromArgs(String launcher, String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: " + launcher + " <home-dir> <http-port> <transport-port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        for (String dir : new String[] {"config", "data", "logs"}) Files.createDirectories(home.resolve(dir));
        return new LocalNodeSetup(home, args[1], args[2]);
    }

    Path configDir() {
        return home.resolve("config");
    }

    /** The node's settings, the same keys on both engines: everything it writes stays under home. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("path.home", home.toString());
        s.put("path.data", home.resolve("data").toString());
        s.put("path.logs", home.resolve("logs").toString());
        s.put("cluster.name", "log-explorer-local");
        s.put("node.name", "local-engine");
        s.put("discovery.type", "single-node");
        s.put("network.host", "127.0.0.1");
        s.put("http.port", httpPort);
        s.put("transport.port", transportPort);
        // A laptop or CI disk fills up for reasons that have nothing to do with us: never let the
        // engine flip indices to read-only because of it.
        s.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        s.put("action.auto_create_index", "true");
        s.put("http.max_content_length", "200mb");
        return s;
    }

    /**
     * Starts the node, says so on stdout (the engine log), and blocks until
     * SIGTERM, whose shutdown hook stops the node (flushes, releases its locks) before the JVM exits.
     */
    void runUntilShutdown(NodeAction start, NodeAction stop) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "local-engine-shutdown"));
        start.run();
        System.out.println("LOCAL-ENGINE-STARTED http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
