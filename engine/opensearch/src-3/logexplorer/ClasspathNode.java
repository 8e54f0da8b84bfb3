package logexplorer;

import org.opensearch.Version;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

import java.util.List;

/**
 * OpenSearch 3.x: the node takes class-path plugins as descriptors naming a class on the class
 * path (the HTTP transport's plugin class was renamed Netty4ModulePlugin).
 */
final class ClasspathNode extends Node {
    private ClasspathNode(Environment environment) {
        super(environment, List.of(new PluginInfo(
            Netty4ModulePlugin.class.getSimpleName(), "classpath plugin", "NA", Version.CURRENT,
            Integer.toString(Runtime.version().feature()), Netty4ModulePlugin.class.getName(),
            null, List.of(), false)), true);
    }

    static Node create(Environment environment) {
        return new ClasspathNode(environment);
    }
}
