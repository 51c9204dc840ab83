package dev.quarry.spring;

import dev.quarry.engine.Engine;
import dev.quarry.orm.EntityDao;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.MappingRegistry;
import java.beans.Introspector;
import java.util.ServiceLoader;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Registers a bean for every generated entity DAO, without scanning the class path: the
 * processor's {@link MappingRegistry} services list the application's entities, and an entity
 * {@code com.example.Customer} with a DAO has it as {@code com.example.CustomerDao} (nested
 * entities join their names with '_'). Each DAO runs on the engine, so inside a Spring
 * transaction its statements use the transaction's connection. The definitions are fallbacks: a
 * DAO bean the application defines itself wins.
 */
final class QuarryDaoRegistrar implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {
  private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    for (MappingRegistry mappings : ServiceLoader.load(MappingRegistry.class, classLoader)) {
      for (EntityMapping<?> mapping : mappings.mappings()) {
        Class<?> dao = daoOf(mapping.entityType());
        if (dao == null) {
          continue;
        }
        String name = Introspector.decapitalize(dao.getSimpleName());
        if (registry.containsBeanDefinition(name)) {
          continue;
        }
        RootBeanDefinition definition = new RootBeanDefinition(dao);
        definition.getConstructorArgumentValues().addGenericArgumentValue(new RuntimeBeanReference(Engine.class));
        definition.setFallback(true);
        definition.setDescription("Quarry DAO of " + mapping.entityType().getName());
        registry.registerBeanDefinition(name, definition);
      }
    }
  }

  /** The generated DAO of {@code entity}, or null when it has none (dao = false, a hierarchy's subclass). */
  private Class<?> daoOf(Class<?> entity) {
    String packageName = entity.getPackageName();
    String simpleNames = entity.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1)
        .replace('$', '_');
    String name = (packageName.isEmpty() ? "" : packageName + ".") + simpleNames + "Dao";
    if (!ClassUtils.isPresent(name, classLoader)) {
      return null;
    }
    Class<?> dao = ClassUtils.resolveClassName(name, classLoader);
    return EntityDao.class.isAssignableFrom(dao) ? dao : null;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    // everything happens on the registry
  }
}
