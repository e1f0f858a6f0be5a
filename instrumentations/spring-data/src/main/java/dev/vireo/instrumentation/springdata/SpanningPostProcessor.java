package dev.vireo.instrumentation.springdata;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryProxyPostProcessor;

/**
 * Puts {@link RepositoryMethodInterceptor} first in a repository proxy's advice chain, so that the span covers what
 * the other advice does (transactions, exception translation), as the OpenTelemetry agent's does.
 */
final class SpanningPostProcessor implements RepositoryProxyPostProcessor {

  static final SpanningPostProcessor INSTANCE = new SpanningPostProcessor();

  @Override
  public void postProcess(ProxyFactory factory, RepositoryInformation repositoryInformation) {
    factory.addAdvice(0, new RepositoryMethodInterceptor(repositoryInformation.getRepositoryInterface()));
  }
}
