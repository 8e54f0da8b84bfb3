package logexplorer;

import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

import java.util.List;

/** OpenSearch 2.x: the node takes class-path plugins as classes (as its test framework's node does). */
final class ClasspathNode extends Node {
    private ClasspathNode(Environment environment) {
        super(environment, List.of(Netty4Plugin.class), true);
    }

    static Node create(Environment environment) {
        return new ClasspathNode(environment);
    }
}
