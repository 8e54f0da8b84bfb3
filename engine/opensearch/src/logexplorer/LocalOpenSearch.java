package logexplorer;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one OpenSearch node in this JVM for local development and tests, the counterpart of
 * the Elasticsearch launcher in engine/src. Usage: LocalOpenSearch <home-dir> <http-port> <transport-port>
 * Arguments, folders, settings and the run until shutdown are shared (engine/common,
 * LocalNodeSetup). The node class differs between OpenSearch 2 and 3 (src-2/, src-3/): how a
 * class-path plugin is handed to the node's constructor changed in 3.0.
 */
public final class LocalOpenSearch {
    public static void main(String[] args) throws Exception {
        LocalNodeSetup setup = LocalNodeSetup.fromArgs("LocalOpenSearch", args);
        Settings settings = Settings.builder().loadFromMap(setup.settings()).build();

        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), setup.configDir(), () -> "local-engine");
        Node node = ClasspathNode.create(environment);
        setup.runUntilShutdown(node::start, () -> {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        });
    }
}
