package vn.trean.workflow.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;

/**
 * The beans the engine lets expressions and scripts see ({@code ProcessEngineConfigurationImpl#setBeans}):
 * only the named ones, each looked up when first used. Without such a map the engine resolves every
 * Spring bean by name, so a model could reach a {@code JdbcClient} or the {@code DataSource}. The lookup
 * is lazy because the delegates depend on services that exist only once the engine is built.
 */
final class AllowedBeans extends AbstractMap<Object, Object> {

    private final BeanFactory beans;
    private final Set<String> names;

    AllowedBeans(BeanFactory beans, Set<String> names) {
        this.beans = beans;
        this.names = Set.copyOf(names);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names.contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream().map(name -> Map.entry((Object) name, beans.getBean(name))).collect(Collectors.toSet());
    }
}
