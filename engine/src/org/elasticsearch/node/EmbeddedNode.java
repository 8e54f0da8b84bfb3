package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;

/**
 * A node built the way Elasticsearch's own test framework builds one: same construction path as
 * a packaged node, but with plugins given as classes on the class path. Lives in this package
 * because {@link NodeConstruction} and {@link NodeServiceProvider} are package-private.
 */
public final class EmbeddedNode extends Node {
    public EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
        super(NodeConstruction.prepareConstruction(
            environment,
            ClasspathPluginsService.emptyLoader(),
            new NodeServiceProvider() {
                @Override
                PluginsService newPluginService(Environment env, PluginsLoader loader) {
                    return new ClasspathPluginsService(env.settings(), env, loader, classpathPlugins);
                }
            },
            true));
    }
}
