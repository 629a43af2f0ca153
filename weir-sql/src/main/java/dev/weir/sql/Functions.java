package dev.weir.sql;

import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.exec.TableResultImpl;
import dev.weir.sql.parse.Statement;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.functions.UserDefinedFunction;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A session's user-defined functions: registration by instance, by class or by {@code CREATE FUNCTION .. AS
 * 'class'} (the class loaded from the thread's context class loader, instantiated by its public no-argument
 * constructor), {@code DROP FUNCTION} and {@code SHOW FUNCTIONS}.
 */
final class Functions {
    private final SessionCatalog catalog;

    Functions(SessionCatalog catalog) {
        this.catalog = catalog;
    }

    void register(String name, UserDefinedFunction function, boolean ifNotExists) {
        if (!(function instanceof dev.weir.table.functions.ScalarFunction) && !(function instanceof dev.weir.table.functions.TableFunction)
                && !(function instanceof dev.weir.table.functions.AggregateFunction)
                && !(function instanceof dev.weir.table.functions.TableAggregateFunction)) {
            throw new ValidationException("Function '" + name + "' (" + function.getClass().getName() + ") is not supported: "
                    + "Weir runs ScalarFunction, TableFunction, AggregateFunction and TableAggregateFunction; write it as one "
                    + "of those");
        }
        catalog.createFunction(name, function, ifNotExists);
    }

    static UserDefinedFunction instantiate(Class<? extends UserDefinedFunction> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ValidationException("Function class " + type.getName() + " needs a public constructor without "
                    + "arguments; or register an instance with createTemporarySystemFunction(name, new " + type.getSimpleName()
                    + "(...))", e);
        } catch (ReflectiveOperationException e) {
            throw new ValidationException("Could not instantiate function class " + type.getName() + ": " + e, e);
        }
    }

    TableResult execute(Statement statement) {
        if (statement instanceof Statement.CreateFunction) {
            Statement.CreateFunction c = (Statement.CreateFunction) statement;
            if (c.ifNotExists() && catalog.functions().containsKey(c.name())) {
                return TableResultImpl.OK;
            }
            register(c.name(), instantiate(load(c.className())), c.ifNotExists());
            return TableResultImpl.OK;
        }
        if (statement instanceof Statement.DropFunction) {
            Statement.DropFunction d = (Statement.DropFunction) statement;
            if (!catalog.dropFunction(d.name()) && !d.ifExists()) {
                throw new ValidationException("Temporary function '" + d.name() + "' does not exist; write DROP FUNCTION IF "
                        + "EXISTS to ignore that");
            }
            return TableResultImpl.OK;
        }
        // As Flink: user functions by their lower-case name; SHOW FUNCTIONS adds the built-ins, all in one sorted list.
        Set<String> names = new TreeSet<>();
        for (String name : catalog.functions().keySet()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        if (!((Statement.ShowFunctions) statement).userOnly()) {
            names.addAll(BuiltInFunctions.NAMES);
        }
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(Row.of(name));
        }
        return TableResultImpl.ofRows(ResolvedSchema.physical(List.of("function name"), List.of(DataTypes.STRING())), rows);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends UserDefinedFunction> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type;
        try {
            type = Class.forName(className, true, loader != null ? loader : Functions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ValidationException("Function class '" + className + "' was not found on the class path; add the jar "
                    + "that holds it (e.g. with --jar, or to the lib folder)", e);
        }
        if (!UserDefinedFunction.class.isAssignableFrom(type)) {
            throw new ValidationException("Class '" + className + "' is not a user-defined function; it must extend "
                    + "dev.weir.table.functions.ScalarFunction, TableFunction, AggregateFunction or TableAggregateFunction");
        }
        return (Class<? extends UserDefinedFunction>) type;
    }

    String[] names() {
        return catalog.functions().keySet().toArray(new String[0]);
    }
}
