package dev.vireo.instrumentation.springdata;

import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/** The span of one repository interface's calls: {@code {Repository}.{method}}, current while the call runs. */
final class RepositoryMethodInterceptor implements MethodInterceptor {

  private final Class<?> repositoryInterface;

  RepositoryMethodInterceptor(Class<?> repositoryInterface) {
    this.repositoryInterface = repositoryInterface;
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    Method method = invocation.getMethod();
    RepositorySpans.Call call = RepositorySpans.start(repositoryInterface, method);
    if (call == null) {
      return invocation.proceed();
    }
    Object result;
    try (Scope ignored = call.context.makeCurrent()) {
      result = invocation.proceed();
    } catch (Throwable error) {
      call.end(error); // the repository's own exception, thrown on unchanged
      throw error;
    }
    return call.end(result, method);
  }
}
