package logexplorer;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Elasticsearch node in this JVM for local development and tests.
 * Usage: LocalEngine <home-dir> <http-port> <transport-port>
 * Arguments, folders, settings and the run until shutdown are shared with the OpenSearch
 * launcher (engine/common, LocalNodeSetup); what is Elasticsearch's own is here.
 */
public final class LocalEngine {
    public static void main(String[] args) throws Exception {
        LocalNodeSetup setup = LocalNodeSetup.fromArgs("LocalEngine", args);
        Settings settings = Settings.builder().loadFromMap(setup.settings()).build();

        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), setup.configDir(), () -> "local-engine");
        Node node = new EmbeddedNode(environment, List.of(Netty4Plugin.class));
        setup.runUntilShutdown(node::start, () -> {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        });
    }
}
