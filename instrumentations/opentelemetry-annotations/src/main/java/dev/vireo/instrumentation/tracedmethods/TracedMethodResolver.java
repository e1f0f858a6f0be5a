package dev.vireo.instrumentation.tracedmethods;

import dev.vireo.instrumentation.api.semconv.code.TracedMethod;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.bytebuddy.jar.asm.Type;

/**
 * What a traced method's span looks like, read once per method from its annotations by name and
 * reflection: {@code @WithSpan} (value, kind, inheritContext where the annotation version has it) and
 * {@code @SpanAttribute} on parameters, from both annotation packages. A method without them (a method
 * include) gets an INTERNAL span named {@code {Class}.{method}}.
 */
final class TracedMethodResolver {

  private static final List<String> WITH_SPAN =
      Arrays.asList(
          "io.opentelemetry.instrumentation.annotations.WithSpan", "io.opentelemetry.extension.annotations.WithSpan");
  private static final List<String> SPAN_ATTRIBUTE =
      Arrays.asList(
          "io.opentelemetry.instrumentation.annotations.SpanAttribute",
          "io.opentelemetry.extension.annotations.SpanAttribute");

  private static final ClassValue<ConcurrentMap<String, Resolved>> BY_TYPE =
      new ClassValue<ConcurrentMap<String, Resolved>>() {
        @Override
        protected ConcurrentMap<String, Resolved> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private TracedMethodResolver() {}

  /** {@code signature}: name and descriptor, {@code price(Ljava/lang/String;)D}. */
  static Resolved resolve(Class<?> type, String signature) {
    ConcurrentMap<String, Resolved> methods = BY_TYPE.get(type);
    Resolved resolved = methods.get(signature);
    if (resolved == null) {
      resolved = read(type, signature);
      methods.putIfAbsent(signature, resolved);
    }
    return resolved;
  }

  private static Resolved read(Class<?> type, String signature) {
    int paren = signature.indexOf('(');
    String name = paren < 0 ? signature : signature.substring(0, paren);
    String descriptor = paren < 0 ? "" : signature.substring(paren);
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
        return of(type, method);
      }
    }
    return new Resolved(new TracedMethod(type, name, null, SpanKind.INTERNAL, true), new String[0]);
  }

  private static Resolved of(Class<?> type, Method method) {
    String spanName = null;
    SpanKind kind = SpanKind.INTERNAL;
    boolean inheritContext = true;
    for (Annotation annotation : method.getDeclaredAnnotations()) {
      if (WITH_SPAN.contains(annotation.annotationType().getName())) {
        Object value = member(annotation, "value");
        spanName = value instanceof String ? (String) value : null;
        Object kindValue = member(annotation, "kind");
        if (kindValue instanceof Enum) {
          kind = spanKind(((Enum<?>) kindValue).name());
        }
        Object inherit = member(annotation, "inheritContext");
        inheritContext = !(inherit instanceof Boolean) || (Boolean) inherit;
      }
    }
    Annotation[][] parameters = method.getParameterAnnotations();
    String[] attributeNames = new String[parameters.length];
    java.lang.reflect.Parameter[] declared = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      for (Annotation annotation : parameters[i]) {
        if (SPAN_ATTRIBUTE.contains(annotation.annotationType().getName())) {
          Object value = member(annotation, "value");
          String attributeName = value instanceof String ? (String) value : "";
          if (attributeName.isEmpty() && declared[i].isNamePresent()) {
            attributeName = declared[i].getName();
          }
          attributeNames[i] = attributeName.isEmpty() ? null : attributeName;
        }
      }
    }
    return new Resolved(new TracedMethod(type, method.getName(), spanName, kind, inheritContext), attributeNames);
  }

  private static SpanKind spanKind(String name) {
    try {
      return SpanKind.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return SpanKind.INTERNAL;
    }
  }

  private static Object member(Annotation annotation, String name) {
    try {
      Method member = annotation.annotationType().getMethod(name);
      member.setAccessible(true);
      return member.invoke(annotation);
    } catch (ReflectiveOperationException | RuntimeException absent) {
      return null;
    }
  }

  /** A traced method and the attribute name of each parameter (null: not an attribute). */
  static final class Resolved {
    final TracedMethod method;
    private final String[] attributeNames;
    private final boolean hasAttributes;

    Resolved(TracedMethod method, String[] attributeNames) {
      this.method = method;
      this.attributeNames = attributeNames;
      boolean any = false;
      for (String attributeName : attributeNames) {
        any |= attributeName != null;
      }
      this.hasAttributes = any;
    }

    Attributes attributes(Object[] arguments) {
      if (!hasAttributes || arguments == null) {
        return Attributes.empty();
      }
      AttributesBuilder builder = Attributes.builder();
      for (int i = 0; i < attributeNames.length && i < arguments.length; i++) {
        if (attributeNames[i] != null && arguments[i] != null) {
          put(builder, attributeNames[i], arguments[i]);
        }
      }
      return builder.build();
    }

    /** As the OpenTelemetry agent types them: numbers, booleans, their arrays and lists; anything else as its string. */
    private static void put(AttributesBuilder builder, String name, Object value) {
      if (value instanceof String) {
        builder.put(name, (String) value);
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        builder.put(name, ((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        builder.put(name, ((Number) value).doubleValue());
      } else if (value instanceof Boolean) {
        builder.put(name, (Boolean) value);
      } else if (value instanceof String[]) {
        builder.put(name, (String[]) value);
      } else if (value instanceof long[]) {
        builder.put(name, (long[]) value);
      } else if (value instanceof Collection) {
        String[] strings = ((Collection<?>) value).stream().map(String::valueOf).toArray(String[]::new);
        builder.put(AttributeKey.stringArrayKey(name), Arrays.asList(strings));
      } else {
        builder.put(name, String.valueOf(value));
      }
    }
  }
}
