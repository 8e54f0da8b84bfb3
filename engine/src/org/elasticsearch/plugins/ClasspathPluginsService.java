package org.elasticsearch.plugins;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plugins service whose plugins are classes already on the JVM's class path, instead of
 * bundles unpacked under a plugins/ or modules/ folder. Lives in this package because
 * {@link PluginsService.LoadedPlugin} and {@link PluginsService#loadPlugin} are package-private.
 */
public final class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Environment environment, PluginsLoader loader,
                                   Collection<Class<? extends Plugin>> pluginClasses) {
        super(settings, environment.configDir(), loader);
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin plugin = loadPlugin(pluginClass, settings, environment.configDir());
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getSimpleName(), "classpath plugin", "NA",
                org.elasticsearch.Build.current().version(),
                Integer.toString(Runtime.version().feature()),
                pluginClass.getName(), null, List.of(), false, false, false, false);
            loaded.add(new LoadedPlugin(descriptor, plugin, pluginClass.getClassLoader()));
        }
        this.classpathPlugins = List.copyOf(loaded);
    }

    /**
     * A loader with no module or plugin bundles. The public factory insists on the server
     * running as a named Java module (as it does in the packaged distribution); from a plain
     * class path there is nothing for it to export, so we build the empty loader directly.
     */
    public static PluginsLoader emptyLoader() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }
}
