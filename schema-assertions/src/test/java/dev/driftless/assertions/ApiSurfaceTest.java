package dev.driftless.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No public or protected signature of the assertions' API names a type of their {@code internal} package. */
class ApiSurfaceTest {

    @Test
    void publicSignaturesNameNoInternalType() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : apiClasses()) {
            if (exposesInternal(type.getGenericSuperclass())) {
                offenders.add(type.getSimpleName() + " extends " + type.getGenericSuperclass().getTypeName());
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                check(type, constructor, offenders);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isSynthetic()) {
                    check(type, method, offenders);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static void check(Class<?> type, Executable member, List<String> offenders) {
        if (!Modifier.isPublic(member.getModifiers()) && !Modifier.isProtected(member.getModifiers())) {
            return;
        }
        List<Type> types = new ArrayList<>(Arrays.asList(member.getGenericParameterTypes()));
        if (member instanceof Method method) {
            types.add(method.getGenericReturnType());
        }
        if (types.stream().anyMatch(ApiSurfaceTest::exposesInternal)) {
            String name = type.getSimpleName() + (member instanceof Method ? "." + member.getName() : "");
            offenders.add(name + "(" + String.join(", ", Arrays.stream(member.getParameterTypes())
                    .map(Class::getSimpleName).toList()) + ")");
        }
    }

    private static boolean exposesInternal(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? exposesInternal(c.getComponentType()) : c.getName().contains(".internal.");
        }
        if (type instanceof ParameterizedType p) {
            return exposesInternal(p.getRawType()) || Arrays.stream(p.getActualTypeArguments())
                    .anyMatch(ApiSurfaceTest::exposesInternal);
        }
        if (type instanceof GenericArrayType a) {
            return exposesInternal(a.getGenericComponentType());
        }
        if (type instanceof WildcardType w) {
            return Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
                    .anyMatch(ApiSurfaceTest::exposesInternal);
        }
        return false;
    }

    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SchemaAssert.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("dev/driftless/assertions"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName("dev.driftless.assertions." + name.replace(".class", ""));
                    if (Modifier.isPublic(type.getModifiers())) {
                        classes.add(type);
                    }
                }
            }
        }
        assertThat(classes).contains(SchemaAssert.class, TableAssert.class, ColumnsAssert.class);
        return classes;
    }
}
