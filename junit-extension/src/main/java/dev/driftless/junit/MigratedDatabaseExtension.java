package dev.driftless.junit;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.junit.internal.DatabaseBinding;
import dev.driftless.junit.internal.PreparedSetup;
import dev.driftless.junit.internal.SetupSpec;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.Migrator;
import dev.driftless.migration.SelectedEngine;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ProviderKind;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The extension behind {@link MigratedDatabase}: builds the class's template in {@code beforeAll} (so a broken
 * migration fails the class once, with the script runner's error), hands out copies through parameter resolution, and
 * drops them when the test's (or class's) store closes.
 *
 * <p>All state lives in {@link ExtensionContext.Store}s under one namespace: the prepared setups (server, template)
 * in the root store, shared by every class with the same setup; the class's setup and, under
 * {@link Isolation#PER_CLASS}, its database in the class store; a test's database and connections in the test's store.
 * Keys carry the owning context's unique id, because a store lookup falls back to the enclosing contexts' stores.
 */
final class MigratedDatabaseExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(MigratedDatabaseExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(MigratedDatabaseExtension.class);

    private static final List<Class<?>> SUPPORTED = List.of(DataSource.class, Connection.class, TestDatabase.class,
            Database.class, SchemaSnapshot.class, Migrator.class, Seeder.class, PostgresServer.class, DiffOptions.class);
    private static final String SUPPORTED_TEXT = "DataSource, Connection (closed after the test), TestDatabase,"
            + " Database, SchemaSnapshot, Migrator (with migrations), Seeder, PostgresServer, DiffOptions";

    /** Report entry key under which a kept database's connection string is published. */
    static final String KEPT_DATABASE_ENTRY = "driftless.keptDatabase";

    private record ClassSetupKey(String contextId) {
    }

    private record DatabaseKey(String contextId) {
    }

    /** The handle of a database another framework bound to a test (see {@link DatabaseBinding}). */
    private record BoundKey(String contextId) {
    }

    /** The frameworks that may bind a test's database themselves: driftless-spring when it is on the class path. */
    private static final List<DatabaseBinding> BINDINGS = loadBindings();

    private record ClassSetup(String owner, Isolation isolation, PreparedSetup prepared) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classSetup(context);
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        // Constructor parameters then belong to the test, so a constructor-injected DataSource is the test's database.
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (BINDINGS.stream().anyMatch(binding -> binding.resolves(parameterContext, extensionContext))) {
            return false;
        }
        return SUPPORTED.contains(type) || claimedButUnsupported(type);
    }

    /** Types users would plausibly expect from this extension; they get an error naming the supported ones. */
    private static boolean claimedButUnsupported(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.sql.") || name.startsWith("javax.sql.") || name.startsWith("dev.driftless.");
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        if (!SUPPORTED.contains(type)) {
            throw new ParameterResolutionException("@MigratedDatabase cannot inject " + describe(parameterContext)
                    + ": " + type.getName() + " is not a type it supports. Supported types: " + SUPPORTED_TEXT + ".");
        }
        if (type == DiffOptions.class) {
            return diffOptions(context);
        }
        ClassSetup setup = classSetup(context);
        if (type == PostgresServer.class) {
            return setup.prepared().server();
        }
        Optional<DatabaseBinding.Bound> bound = bound(context, parameterContext);
        DatabaseHandle handle = bound.isPresent()
                ? context.getStore(NAMESPACE).getOrComputeIfAbsent(new BoundKey(context.getUniqueId()),
                        key -> DatabaseHandle.borrowed(bound.get().server(), bound.get().database(),
                                setup.prepared().historyTables()), DatabaseHandle.class)
                : database(context, setup, parameterContext);
        if (type == DataSource.class) {
            return bound.map(DatabaseBinding.Bound::dataSource).orElseGet(() -> handle.database().dataSource());
        } else if (type == Connection.class) {
            return openConnection(context, handle, parameterContext);
        } else if (type == TestDatabase.class) {
            return handle.testDatabase();
        } else if (type == Database.class) {
            return handle.database();
        } else if (type == SchemaSnapshot.class) {
            return handle.testDatabase().snapshot();
        } else if (type == Seeder.class) {
            return handle.testDatabase().seeder();
        }
        return Migrator.of(driftlessChain(setup, parameterContext), handle.database());
    }

    /** The chain a Migrator parameter moves along: only Driftless's own runner has one. */
    private static MigrationChain driftlessChain(ClassSetup setup, ParameterContext parameterContext) {
        PreparedSetup prepared = setup.prepared();
        Optional<SelectedEngine> selected = prepared.engine();
        if (selected.isEmpty()) {
            throw new ParameterResolutionException("@MigratedDatabase cannot inject " + describe(parameterContext)
                    + ": a Migrator moves a database along a migration chain, and " + setup.owner()
                    + " is built from schema = \"" + prepared.spec().schema() + "\". Use migrations = \"...\" to test"
                    + " migrations.");
        }
        return selected.get().chain().orElseThrow(() -> new ParameterResolutionException("@MigratedDatabase cannot"
                + " inject " + describe(parameterContext) + ": a Migrator is Driftless's own runner, and "
                + setup.owner() + " is built by " + selected.get().engine().name() + " (engine = "
                + selected.get().kind() + ": " + selected.get().reason() + "). Migrate with "
                + selected.get().engine().name() + " itself (a Database parameter gives the test's database), or set"
                + " engine = Engine.DRIFTLESS on the annotation to use Driftless's own runner."));
    }

    /** The diff options of the annotation in effect: the defaults, treating its equivalences as equal. */
    private static DiffOptions diffOptions(ExtensionContext context) {
        return DiffOptions.defaults().treatingAsEqual(findAnnotation(context.getRequiredTestClass()).treatAsEqual());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || !keepFailed(context)) {
            return;
        }
        ClassSetup setup = classSetup(context);
        ExtensionContext owner = setup.isolation() == Isolation.PER_CLASS ? classContext(context) : context;
        DatabaseHandle handle = owner.getStore(NAMESPACE).get(new DatabaseKey(owner.getUniqueId()), DatabaseHandle.class);
        if (handle == null) {
            return;
        }
        boolean newlyKept = handle.keep();
        context.publishReportEntry(KEPT_DATABASE_ENTRY, handle.connectionString());
        if (newlyKept) {
            PostgresServer server = setup.prepared().server();
            boolean outlivesJvm = server.provider() == ProviderKind.EXTERNAL || server.config().reuse();
            LOG.warn("{} failed; its database is kept (driftless.keepFailed=true): {} on {}.{}",
                    context.getDisplayName(), handle.connectionString(), server,
                    outlivesJvm ? "" : " The server stops when the JVM exits; set driftless.reuse=true or use an"
                            + " external server to inspect it afterwards.");
        }
    }

    private static boolean keepFailed(ExtensionContext context) {
        return DriftlessConfig.load().get(DriftlessConfig.KEEP_FAILED)
                .or(() -> context.getConfigurationParameter(DriftlessConfig.KEEP_FAILED))
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    }

    private static ClassSetup classSetup(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(new ClassSetupKey(classContext.getUniqueId()),
                key -> {
                    MigratedDatabase annotation = findAnnotation(testClass);
                    SetupSpec spec = SetupSpec.of(annotation);
                    String owner = testClass.getName();
                    spec.validate(owner);
                    PreparedSetup prepared = context.getRoot().getStore(NAMESPACE)
                            .getOrComputeIfAbsent(spec, s -> PreparedSetup.prepare(spec, owner), PreparedSetup.class);
                    return new ClassSetup(owner, annotation.isolation(), prepared);
                }, ClassSetup.class);
    }

    /** Finds the annotation that applies to a class; see {@link SetupSpec#findAnnotation(Class)}. */
    static MigratedDatabase findAnnotation(Class<?> testClass) {
        return SetupSpec.findAnnotation(testClass).orElseThrow(() -> new DriftlessException(testClass.getName()
                + " uses the @MigratedDatabase extension but carries no @MigratedDatabase annotation (registered with"
                + " @ExtendWith?). Annotate the class with @MigratedDatabase(schema = \"...\") or"
                + " @MigratedDatabase(migrations = \"...\")."));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException("No class context above " + context));
        }
        return current;
    }

    private static List<DatabaseBinding> loadBindings() {
        List<DatabaseBinding> bindings = new ArrayList<>();
        ServiceLoader<DatabaseBinding> loader = ServiceLoader.load(DatabaseBinding.class,
                MigratedDatabaseExtension.class.getClassLoader());
        Iterator<DatabaseBinding> found = loader.iterator();
        while (true) {
            try {
                if (!found.hasNext()) {
                    return List.copyOf(bindings);
                }
                bindings.add(found.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // A binding whose framework is not on the class path (driftless-spring without Spring) does not apply.
                LOG.debug("Skipping a database binding that cannot load: {}", e.toString());
            }
        }
    }

    /** The database a framework bound to this test, if one runs the test's database. */
    private static Optional<DatabaseBinding.Bound> bound(ExtensionContext context, ParameterContext parameter) {
        for (DatabaseBinding binding : BINDINGS) {
            try {
                Optional<DatabaseBinding.Bound> bound = binding.bound(context);
                if (bound.isPresent()) {
                    return bound;
                }
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException("@MigratedDatabase cannot inject " + describe(parameter) + ": "
                        + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private static DatabaseHandle database(ExtensionContext context, ClassSetup setup, ParameterContext parameter) {
        ExtensionContext owner;
        if (setup.isolation() == Isolation.PER_CLASS) {
            owner = classContext(context);
        } else if (context.getTestMethod().isPresent()) {
            owner = context;
        } else {
            throw new ParameterResolutionException("@MigratedDatabase cannot inject " + describe(parameter) + ": "
                    + setup.owner() + " uses isolation = PER_METHOD, so every test gets its own database and there is"
                    + " none for the whole class. Take the parameter in a @BeforeEach or @Test method, or use"
                    + " isolation = Isolation.PER_CLASS. (A PostgresServer parameter works anywhere.)");
        }
        PreparedSetup prepared = setup.prepared();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(new DatabaseKey(owner.getUniqueId()),
                key -> new DatabaseHandle(prepared.server(), prepared.template().newDatabase(),
                        prepared.template().databaseName(), prepared.historyTables()), DatabaseHandle.class);
    }

    private static Connection openConnection(ExtensionContext context, DatabaseHandle handle, ParameterContext parameter) {
        try {
            ConnectionHandle connection = new ConnectionHandle(handle.database().connect());
            context.getStore(NAMESPACE).put(connection, connection);
            return connection.connection();
        } catch (SQLException e) {
            throw new ParameterResolutionException("@MigratedDatabase cannot open a connection for "
                    + describe(parameter) + " to " + handle.database() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        String where = executable instanceof Constructor
                ? "the constructor of " + executable.getDeclaringClass().getSimpleName()
                : "method " + executable.getDeclaringClass().getSimpleName() + "." + executable.getName() + "()";
        return "parameter " + parameter.getIndex() + " (" + parameter.getParameter().getType().getSimpleName() + ") of "
                + where;
    }
}
