package dev.driftless.internal.migration.liquibase;

import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationResult;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.resource.ResourceException;
import dev.driftless.server.Database;
import dev.driftless.sql.Quote;
import dev.driftless.sql.ServerError;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.TemplateKey;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.ui.LoggerUIService;
import liquibase.util.LiquibaseUtil;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * {@code LiquibaseEngine} is the real Liquibase (4.x) as a {@link MigrationEngine}: each run is a new {@code Liquibase}
 * on a connection to the database Driftless gives it, with the changelog, contexts, labels, changelog parameters and
 * default schema of the settings, so XML, YAML, JSON and formatted-SQL changelogs, includes and preconditions behave
 * exactly as Liquibase makes them.
 *
 * <p>Each changeSet the contexts, labels and {@code dbms} select is one {@link Migration}: version {@code 1} to
 * {@code N} by its position in the changelog, description {@code id by author}, and the changelog file as its script's
 * name. Migrating to version {@code k} is Liquibase's {@code update-count} of the changeSets up to the k-th, to any
 * other version its {@code update-to-tag} of the tag with that text; reverting
 * is Liquibase's own {@code rollback-count 1}. Liquibase's log goes to SLF4J at debug level (errors at info), its
 * console output and update summary to its log, and its analytics are off. Runs take turns in a JVM (Liquibase's
 * scope is JVM-wide). Immutable; the changeSets are read once.
 */
public final class LiquibaseEngine implements MigrationEngine {

    /**
     * Liquibase 4 keeps its current scope in one JVM-wide {@code SingletonScopeManager} by default, so two runs on two
     * threads would see each other's scope (resource accessor, database): runs take turns.
     */
    private static final Object ONE_AT_A_TIME = new Object();
    /** Where a failure message names the database, in what {@link #withLiquibase} was doing. */
    private static final String DATABASE = "\u0000database\u0000";
    private static final String CHANGELOG_TABLE = "databasechangelog";
    private static final String LOCK_TABLE = "databasechangeloglock";
    /** The class name Liquibase puts before a wrapped message, e.g. {@code liquibase.exception.DatabaseException: }. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private final String location;
    private final List<String> contexts;
    private final List<String> labels;
    private final Map<String, String> parameters;
    private final String defaultSchema;
    private final ClassLoader loader;
    private final Path workingDirectory;
    private final String label;
    private final AtomicReference<List<Step>> steps;

    /** One selected changeSet and the migration that stands for it. */
    private record Step(Migration migration, String id, String author, String filePath, List<String> tags) {

        boolean isFor(RanChangeSet ran) {
            return id.equals(ran.getId()) && author.equals(ran.getAuthor())
                    && normalized(filePath).equals(normalized(ran.getChangeLog()));
        }
    }

    /** The master changelog as Liquibase reads it: its path and the folder on disk its accessor starts from. */
    private record Changelog(String path, Path root) {
    }

    /** The work done with one {@code Liquibase}, on its database. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Liquibase liquibase, liquibase.database.Database database, Connection connection) throws Exception;
    }

    private LiquibaseEngine(String location, List<String> contexts, List<String> labels, Map<String, String> parameters,
            String defaultSchema, ClassLoader loader, Path workingDirectory, String label,
            AtomicReference<List<Step>> steps) {
        this.location = location;
        this.contexts = contexts;
        this.labels = labels;
        this.parameters = parameters;
        this.defaultSchema = defaultSchema;
        this.loader = loader;
        this.workingDirectory = workingDirectory;
        this.label = label;
        this.steps = steps;
    }

    /**
     * @param location the master changelog, {@code classpath:...} or a file path
     * @param contexts the contexts, none for every changeSet
     * @param labels the label expressions, none for every changeSet
     * @param parameters the changelog parameters
     * @param defaultSchema the default schema, or {@code null} for the connection's
     * @param loader the class loader for {@code classpath:} changelogs
     * @param workingDirectory where a relative file path is found
     * @return the engine
     */
    public static LiquibaseEngine create(String location, List<String> contexts, List<String> labels,
            Map<String, String> parameters, String defaultSchema, ClassLoader loader, Path workingDirectory) {
        return new LiquibaseEngine(location, List.copyOf(contexts), List.copyOf(labels),
                Map.copyOf(new LinkedHashMap<>(parameters)), defaultSchema, loader, workingDirectory, null,
                new AtomicReference<>());
    }

    @Override
    public String name() {
        return "Liquibase " + LiquibaseUtil.getBuildVersion();
    }

    @Override
    public String location() {
        return location;
    }

    private Changelog changelog() {
        Resource resource;
        try {
            resource = Location.of(location).withClassLoader(loader).withSearchRoot(workingDirectory)
                    .file("Liquibase changelog");
        } catch (ResourceException e) {
            throw new MigrationException(e.getMessage(), e);
        }
        if (resource.classpathName().isPresent()) {
            return new Changelog(resource.classpathName().get(), null);
        }
        Path file = resource.file().orElseThrow().toAbsolutePath().normalize();
        Path base = workingDirectory.toAbsolutePath().normalize();
        Path root = file.startsWith(base) ? base : file.getParent();
        return new Changelog(root.relativize(file).toString().replace('\\', '/'), root);
    }

    private ResourceAccessor accessor(Changelog changelog) throws IOException {
        ClassLoaderResourceAccessor classpath = new ClassLoaderResourceAccessor(loader);
        return changelog.root() == null ? classpath
                : new CompositeResourceAccessor(new DirectoryResourceAccessor(changelog.root()), classpath);
    }

    /** Liquibase's scope for every run: the accessor, the class loader, a quiet log and console, no analytics. */
    private <T> T inScope(ResourceAccessor accessor, Scope.ScopedRunnerWithReturn<T> runner) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), accessor);
        scope.put(Scope.Attr.classLoader.name(), loader);
        scope.put(Scope.Attr.logService.name(), new QuietLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", false);
        scope.put("liquibase.analytics.logLevel", Level.FINE);
        scope.put("liquibase.showBanner", false);
        synchronized (ONE_AT_A_TIME) {
            return Scope.child(scope, runner);
        }
    }

    /** Runs work with a new {@code Liquibase} on a new connection, and closes both; Liquibase releases its lock. */
    @SuppressWarnings("try") // ResourceAccessor.close() declares Exception; any failure is reported below
    private <T> T withLiquibase(Database database, String doing, Work<T> work) {
        Changelog changelog = changelog();
        try (Connection connection = database.connect(); ResourceAccessor accessor = accessor(changelog)) {
            return inScope(accessor, () -> {
                liquibase.database.Database target = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (defaultSchema != null) {
                    target.setDefaultSchemaName(defaultSchema);
                }
                Liquibase liquibase = new Liquibase(changelog.path(), accessor, target);
                liquibase.setShowSummary(UpdateSummaryEnum.OFF);
                liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                parameters.forEach((k, v) -> liquibase.getChangeLogParameters().set(k, v));
                try {
                    return work.run(liquibase, target, connection);
                } finally {
                    target.close(); // drops Liquibase's executor of this database, closes the connection
                }
            });
        } catch (MigrationException e) {
            throw e;
        } catch (SQLException e) {
            throw new MigrationException(name() + " could not " + doing.replace(DATABASE, databaseName(database))
                    + ": " + ServerError.of(e).summary(), e);
        } catch (Exception e) {
            throw new MigrationException(name() + " could not " + doing.replace(DATABASE, databaseName(database))
                    + ":\n" + message(e), e);
        }
    }

    /** Liquibase's message with the causes it wraps, each line once, without the exceptions' class names. */
    private static String message(Throwable e) {
        Set<String> lines = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String line = t.getMessage() == null ? null : t.getMessage().strip();
            if (line != null && lines.stream().noneMatch(l -> l.contains(line))) {
                lines.add(line);
            }
        }
        return EXCEPTION_NAME.matcher(String.join("\n", lines)).replaceAll("");
    }

    private List<Step> steps(Database database) {
        List<Step> known = steps.get();
        if (known != null) {
            return known;
        }
        String doing = "read the changelog " + location + " for " + DATABASE;
        List<Step> found = withLiquibase(database, doing, (liquibase, db, c) -> {
            DatabaseChangeLog changeLog = liquibase.getDatabaseChangeLog();
            ContextChangeSetFilter byContext = new ContextChangeSetFilter(new Contexts(contexts));
            LabelChangeSetFilter byLabel = new LabelChangeSetFilter(new LabelExpression(labels));
            DbmsChangeSetFilter byDbms = new DbmsChangeSetFilter(db);
            List<Step> selected = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (!byContext.accepts(changeSet).isAccepted() || !byLabel.accepts(changeSet).isAccepted()
                        || !byDbms.accepts(changeSet).isAccepted()) {
                    continue;
                }
                String file = changeSet.getFilePath();
                String what = "changeSet " + changeSet.getId() + " by " + changeSet.getAuthor() + " (" + file + ")";
                SqlScript up = SqlScript.of(file, "-- " + what + ", run by Liquibase\n"
                        + sql(db, changeSet.getChanges(), false));
                SqlScript down = changeSet.supportsRollback(db)
                        ? SqlScript.of(file, "-- Liquibase's rollback of " + what + "\n" + rollbackSql(db, changeSet))
                        : null;
                MigrationVersion version = MigrationVersion.parse(Integer.toString(selected.size() + 1));
                List<String> tags = changeSet.getChanges().stream().filter(TagDatabaseChange.class::isInstance)
                        .map(change -> ((TagDatabaseChange) change).getTag()).toList();
                selected.add(new Step(Migration.of(version, changeSet.getId() + " by " + changeSet.getAuthor(), up,
                        down), changeSet.getId(), changeSet.getAuthor(), file, tags));
            }
            return List.copyOf(selected);
        });
        steps.compareAndSet(null, found);
        return steps.get();
    }

    /** The SQL of a changeSet's rollback: its {@code rollback} block, else the inverse of its changes, last first. */
    private static String rollbackSql(liquibase.database.Database db, ChangeSet changeSet) {
        List<Change> explicit = changeSet.getRollback().getChanges();
        if (!explicit.isEmpty()) {
            return sql(db, explicit, false);
        }
        List<Change> inverse = new ArrayList<>(changeSet.getChanges());
        Collections.reverse(inverse);
        return sql(db, inverse, true);
    }

    /**
     * The SQL Liquibase makes for changes, for people to read: the up and down scripts of the migrations. A change
     * whose SQL depends on what the database holds when it runs is shown by its description.
     */
    private static String sql(liquibase.database.Database db, List<Change> changes, boolean inverse) {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            try {
                if (inverse ? change.generateRollbackStatementsVolatile(db) : change.generateStatementsVolatile(db)) {
                    out.append("-- ").append(change.getDescription()).append(" (its SQL is made when it runs)\n");
                    continue;
                }
                SqlStatement[] statements = inverse ? change.generateRollbackStatements(db)
                        : change.generateStatements(db);
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statements, db)) {
                    String delimiter = sql.getEndDelimiter() == null ? ";" : sql.getEndDelimiter();
                    out.append(sql.toSql().strip()).append(delimiter.strip()).append('\n');
                }
            } catch (Exception | LinkageError e) {
                out.append("-- ").append(change.getDescription()).append(" (its SQL is made when it runs)\n");
            }
        }
        return out.toString();
    }

    private static String normalized(String path) {
        String p = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        p = p.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    @Override
    public List<Migration> migrations(Database database) {
        return steps(database).stream().map(Step::migration).toList();
    }

    @Override
    public List<Migration> baselines(Database database) {
        return List.of();
    }

    @Override
    public Comparator<MigrationVersion> versionOrder() {
        return Comparator.naturalOrder();
    }

    /**
     * Migrates to the k-th selected changeSet for a whole number {@code k}; any other target (e.g. {@code 2025.1}, as
     * {@code @MigratedDatabase(target = ...)} or the CLI pass it) is a Liquibase tag, see {@link #migrateToTag}.
     */
    @Override
    public MigrationResult migrate(Database database, MigrationVersion target) {
        return migrateTo(database, Objects.requireNonNull(target, "target").toString());
    }

    /** A whole number is a changeSet's number; any other target is a tag (this is the one place that decides). */
    @Override
    public MigrationResult migrateTo(Database database, String target) {
        String text = Objects.requireNonNull(target, "target").strip();
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return migrateToTag(database, text);
        }
        return migrateToChangeSet(database, MigrationVersion.parse(text));
    }

    private MigrationResult migrateToChangeSet(Database database, MigrationVersion target) {
        List<Step> all = steps(database);
        int index = indexOf(all, target);
        if (index < 0) {
            throw new MigrationException("The Liquibase changelog " + location + " has no changeSet " + target
                    + ": its changeSets are 1 to " + all.size() + contextsAndLabels());
        }
        return run(database, all, all.subList(0, index + 1), "version " + target);
    }

    /**
     * Migrates a database up to the changeSet that sets a Liquibase tag ({@code tagDatabase}), as Liquibase's
     * {@code update-to-tag} does.
     *
     * @param database the database
     * @param tag the tag, e.g. {@code 2025.1}
     * @return what the run did, never {@code null}
     * @throws MigrationException when no selected changeSet sets the tag, or a changeSet fails
     */
    public MigrationResult migrateToTag(Database database, String tag) {
        List<Step> all = steps(database);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).tags().contains(Objects.requireNonNull(tag, "tag"))) {
                return run(database, all, all.subList(0, i + 1), "tag " + tag);
            }
        }
        List<String> known = all.stream().flatMap(s -> s.tags().stream()).toList();
        throw new MigrationException("The Liquibase changelog " + location + " sets no tag " + tag
                + contextsAndLabels() + ": its tags are " + (known.isEmpty() ? "none" : String.join(", ", known)));
    }

    @Override
    public MigrationResult migrateToLatest(Database database) {
        List<Step> all = steps(database);
        return run(database, all, all, "the latest version");
    }

    private String contextsAndLabels() {
        return (contexts.isEmpty() ? "" : " with contexts " + String.join(", ", contexts))
                + (labels.isEmpty() ? "" : " with labels " + String.join(", ", labels));
    }

    private static int indexOf(List<Step> all, MigrationVersion version) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).migration().version().equals(version)) {
                return i;
            }
        }
        return -1;
    }

    private MigrationResult run(Database database, List<Step> all, List<Step> upTo, String target) {
        return withLiquibase(database, "migrate " + DATABASE + " to " + target, (liquibase, db, c) -> {
            List<Step> before = applied(db, all);
            List<Step> pending = upTo.stream().filter(s -> !before.contains(s)).toList();
            if (pending.isEmpty()) {
                return new MigrationResult(newest(before), newest(before), List.of(), List.of(), List.of());
            }
            liquibase.update(pending.size(), new Contexts(contexts), new LabelExpression(labels));
            List<Step> after = applied(db, all);
            List<Migration> ran = after.stream().filter(s -> !before.contains(s)).map(Step::migration).toList();
            return new MigrationResult(newest(before), newest(after), ran, List.of(), List.of());
        });
    }

    private static MigrationVersion newest(List<Step> applied) {
        return applied.isEmpty() ? MigrationVersion.EMPTY : applied.get(applied.size() - 1).migration().version();
    }

    /** The selected changeSets recorded in {@code databasechangelog} now, in the order they ran. */
    private static List<Step> applied(liquibase.database.Database db, List<Step> all) throws Exception {
        ChangeLogHistoryService history = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                .getChangeLogService(db);
        history.reset(); // Liquibase caches what it read before this run's changes
        List<RanChangeSet> ran = new ArrayList<>(history.getRanChangeSets());
        ran.sort(Comparator.comparing(r -> r.getOrderExecuted() == null ? Integer.MAX_VALUE : r.getOrderExecuted()));
        List<Step> applied = new ArrayList<>();
        for (RanChangeSet r : ran) {
            all.stream().filter(s -> s.isFor(r)).findFirst().ifPresent(applied::add);
        }
        return applied;
    }

    @Override
    public List<MigrationVersion> appliedVersions(Database database) {
        List<Step> all = steps(database);
        return withLiquibase(database, "read the history of " + DATABASE, (liquibase, db, c) -> applied(db, all))
                .stream().map(s -> s.migration().version()).toList();
    }

    @Override
    public void revert(Database database, Migration migration) {
        List<Step> all = steps(database);
        withLiquibase(database, "roll back " + migration + " in " + DATABASE, (liquibase, db, c) -> {
            Step step = newestApplied(database, db, all, migration, "revert");
            liquibase.rollback(1, (String) null, new Contexts(contexts), new LabelExpression(labels));
            if (applied(db, all).contains(step)) {
                throw new MigrationException(name() + " did not roll back " + migration + " in "
                        + databaseName(database));
            }
            return null;
        });
    }

    /**
     * Deletes the row of the newest applied changeSet from {@code databasechangelog}, leaving its changes in place, so
     * that the next migration runs it again (what an idempotency check needs).
     *
     * @param database the database, at the migration's version
     * @param migration one of {@link #migrations(Database)}, the newest applied one
     * @throws MigrationException when the migration is not the newest applied one, or the row cannot be deleted
     */
    @Override
    public void forget(Database database, Migration migration) {
        List<Step> all = steps(database);
        withLiquibase(database, "forget " + migration + " in " + DATABASE, (liquibase, db, connection) -> {
            Step step = newestApplied(database, db, all, migration, "forget");
            String schema = db.getLiquibaseSchemaName() != null ? db.getLiquibaseSchemaName()
                    : db.getDefaultSchemaName();
            if (schema == null) {
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM "
                    + Quote.qualified(schema, db.getDatabaseChangeLogTableName().toLowerCase(Locale.ROOT))
                    + " WHERE id = ? AND author = ? AND filename = ?")) {
                for (RanChangeSet ran : db.getRanChangeSetList()) {
                    if (step.isFor(ran)) {
                        delete.setString(1, ran.getId());
                        delete.setString(2, ran.getAuthor());
                        delete.setString(3, ran.getChangeLog());
                        delete.executeUpdate();
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return null;
        });
    }

    private Step newestApplied(Database database, liquibase.database.Database db, List<Step> all, Migration migration,
            String doing) throws Exception {
        List<Step> applied = applied(db, all);
        Step newest = applied.isEmpty() ? null : applied.get(applied.size() - 1);
        if (newest == null || !newest.migration().version().equals(migration.version())) {
            throw new MigrationException("Cannot " + doing + " " + migration + ": " + databaseName(database) + " is at "
                    + (newest == null ? "no version" : "version " + newest.migration().version())
                    + ", and only the newest changeSet " + (doing.equals("revert") ? "reverts" : "can be forgotten"));
        }
        return newest;
    }

    @Override
    public List<String> historyTables() {
        return List.of(CHANGELOG_TABLE, LOCK_TABLE);
    }

    /**
     * Keys the changelog files Liquibase reads (the master, every file an include or includeAll brings, as the
     * changeSets name them), the contexts, labels, parameters and default schema.
     */
    @Override
    @SuppressWarnings("try") // ResourceAccessor.close() declares Exception; any failure is reported below
    public TemplateKey contentKey() {
        TemplateKey.Builder key = TemplateKey.builder().add("engine", name()).add("changelog", location)
                .add("contexts", String.join(",", contexts)).add("labels", String.join(",", labels))
                .add("default schema", Objects.toString(defaultSchema, ""));
        new TreeMap<>(parameters).forEach((k, v) -> key.add("parameter " + k, v));
        Changelog changelog = changelog();
        try (ResourceAccessor accessor = accessor(changelog)) {
            inScope(accessor, () -> {
                ChangeLogParameters changeLogParameters = new ChangeLogParameters();
                parameters.forEach(changeLogParameters::set);
                DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
                        .getParser(changelog.path(), accessor).parse(changelog.path(), changeLogParameters, accessor);
                Set<String> files = new LinkedHashSet<>();
                files.add(changelog.path());
                for (ChangeSet changeSet : changeLog.getChangeSets()) {
                    files.add(changeSet.getFilePath());
                    if (changeSet.getChangeLog() != null && changeSet.getChangeLog().getPhysicalFilePath() != null) {
                        files.add(changeSet.getChangeLog().getPhysicalFilePath());
                    }
                }
                for (String file : files) {
                    try (InputStream in = accessor.getExisting(file).openInputStream()) {
                        key.add("file " + normalized(file), in.readAllBytes());
                    }
                }
                return null;
            });
        } catch (Exception e) {
            throw new MigrationException(name() + " could not read the changelog " + location + " for a template key:\n"
                    + message(e), e);
        }
        return key.build();
    }

    @Override
    public MigrationEngine withDatabaseLabel(String label) {
        if (Objects.requireNonNull(label, "label").isBlank()) {
            throw new IllegalArgumentException("A database label must not be blank");
        }
        return new LiquibaseEngine(location, contexts, labels, parameters, defaultSchema, loader, workingDirectory,
                label, steps);
    }

    @Override
    public MigrationEngine withoutBaselines() {
        return this;
    }

    private String databaseName(Database database) {
        return label != null ? label : "database " + database.name();
    }

    @Override
    public String toString() {
        return "LiquibaseEngine[" + location + "]";
    }

    /**
     * Liquibase's log, sent to SLF4J at debug, errors also at info without their trace (Liquibase warns at every run;
     * what fails reaches the user in the engine's exception, with Liquibase's reason).
     */
    private static final class QuietLogService extends AbstractLogService {

        @Override
        public int getPriority() {
            return PRIORITY_SPECIALIZED;
        }

        @Override
        @SuppressWarnings("rawtypes") // LogService declares the raw type
        public liquibase.logging.Logger getLog(Class clazz) {
            org.slf4j.Logger target = LoggerFactory.getLogger(clazz);
            return new AbstractLogger() {
                @Override
                public void log(Level level, String message, Throwable e) {
                    if (level.intValue() >= Level.SEVERE.intValue()) {
                        target.info(message); // the engine's exception carries the cause; its trace stays at debug
                    }
                    target.debug(message, e);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
