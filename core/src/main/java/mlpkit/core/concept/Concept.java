package mlpkit.core.concept;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One building block of a {@link Kind}: its name and accepted aliases, one line saying what it is, its
 * {@link Param parameters} (defaults, ranges), rules that tie parameters together, and how to make a
 * value from arguments and read the arguments back. Each concept file declares one, as a constant:
 *
 * <pre>
 * public record Elu(double alpha) implements ElementWise {
 *     public static final Concept&lt;Activation&gt; CONCEPT = Concept.of(Activation.KIND, "elu")
 *             .summary("z for z &gt; 0, α(e^z − 1) otherwise")
 *             .param(Param.real("alpha", 1.0).greaterThan(0))
 *             .build(Elu.class);
 *     …
 * }
 * </pre>
 *
 * For a record the parameters are its components, in order: the record's canonical constructor makes
 * values and its accessors read them back. The notation, JSON, DSL, help texts and error messages are
 * all derived from this one declaration.
 *
 * @param <V> the kind's interface
 */
public final class Concept<V> {
    /**
     * A condition on several arguments, reported at {@code param}: {@code nesterov} needs a momentum.
     * {@code problem} gives null when the arguments are fine, else what {@code param} must be.
     */
    public record Rule(String param, Function<Arguments, String> problem, String hint) {
    }

    private final Kind<V> kind;
    private final String name;
    private final List<String> aliases;
    private final String summary;
    private final List<Param> params;
    private final List<Rule> rules;
    private final Function<Arguments, ? extends V> factory;
    private final Function<Object, Arguments> reader;

    private Concept(Builder<V> b, Function<Arguments, ? extends V> factory, Function<Object, Arguments> reader) {
        this.kind = b.kind;
        this.name = b.name;
        this.aliases = List.copyOf(b.aliases);
        this.summary = b.summary;
        this.params = List.copyOf(b.params);
        this.rules = List.copyOf(b.rules);
        this.factory = factory;
        this.reader = reader;
        if (!kind.namedArguments()) {
            boolean optionalSeen = false;
            for (Param p : params) {
                if (!p.isRequired()) {
                    optionalSeen = true;
                } else if (optionalSeen) {
                    throw new IllegalStateException(name + ": required parameter " + p.name()
                            + " after an optional one cannot be written positionally");
                }
            }
        }
    }

    /** Starts the declaration of the concept {@code name} of {@code kind}. */
    public static <V> Builder<V> of(Kind<V> kind, String name) {
        return new Builder<>(kind, name);
    }

    /** The declaration of a concept: name, aliases, summary, parameters and rules, then how values are made. */
    public static final class Builder<V> {
        private final Kind<V> kind;
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private String summary = "";
        private final List<Param> params = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder(Kind<V> kind, String name) {
            this.kind = Objects.requireNonNull(kind, "kind");
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("a concept name is a letter followed by letters, digits, '_' or '-', got "
                        + (name == null ? "nothing" : "'" + name + "'"));
            }
            this.name = name;
        }

        /** Other names accepted for this concept (never printed). */
        public Builder<V> alias(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        /** One line saying what the concept computes, for help texts and reference docs. */
        public Builder<V> summary(String text) {
            summary = text;
            return this;
        }

        /** The next parameter (the record's next component). */
        public Builder<V> param(Param param) {
            if (params.stream().anyMatch(p -> p.name().equals(param.name()))) {
                throw new IllegalStateException(name + ": two parameters named " + param.name());
            }
            params.add(param);
            return this;
        }

        /** Several parameters in order. */
        public Builder<V> params(List<Param> list) {
            list.forEach(this::param);
            return this;
        }

        /** A condition on several arguments, reported at {@code param} as "must be {@code expectation}". */
        public Builder<V> rule(String param, Predicate<Arguments> holds, String expectation, String hint) {
            rules.add(new Rule(param, args -> holds.test(args) ? null : expectation, hint));
            return this;
        }

        /** A condition whose expectation depends on the arguments: {@code problem} gives null or what {@code param} must be. */
        public Builder<V> rule(String param, Function<Arguments, String> problem, String hint) {
            rules.add(new Rule(param, problem, hint));
            return this;
        }

        /**
         * The concept of a record whose components are the parameters, in the same order and of their Java
         * types: the canonical constructor makes values, the accessors read them back.
         */
        public <R extends V> Concept<V> build(Class<R> record) {
            if (!record.isRecord()) {
                throw new IllegalStateException(name + ": " + record.getName() + " is not a record; use build(factory, reader)");
            }
            RecordComponent[] components = record.getRecordComponents();
            if (components.length != params.size()) {
                throw new IllegalStateException(name + ": " + record.getSimpleName() + " has " + components.length
                        + " components for " + params.size() + " parameters");
            }
            Class<?>[] types = new Class<?>[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                Param p = params.get(i);
                if (!components[i].getName().equals(p.name()) || !components[i].getType().equals(p.javaType())) {
                    throw new IllegalStateException(name + ": component " + i + " of " + record.getSimpleName() + " is "
                            + components[i].getType().getSimpleName() + " " + components[i].getName() + ", but parameter "
                            + i + " is " + p.javaType().getSimpleName() + " " + p.name());
                }
                types[i] = components[i].getType();
                accessors[i] = components[i].getAccessor();
            }
            Constructor<R> constructor;
            try {
                constructor = record.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(name + ": no canonical constructor", e);
            }
            List<Param> order = List.copyOf(params);
            Function<Arguments, R> make = args -> {
                Object[] values = new Object[order.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = args.get(order.get(i).name());
                }
                try {
                    return constructor.newInstance(values);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(name + ": cannot construct " + record.getSimpleName(), e);
                }
            };
            Function<Object, Arguments> read = value -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < accessors.length; i++) {
                    try {
                        map.put(order.get(i).name(), accessors[i].invoke(value));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(name + ": cannot read " + order.get(i).name(), e);
                    }
                }
                return Arguments.of(map);
            };
            return new Concept<>(this, make, read);
        }

        /** The concept of values made by {@code factory} and read back by {@code reader}. */
        @SuppressWarnings("unchecked")
        public <R extends V> Concept<V> build(Function<Arguments, R> factory, Function<? super R, Arguments> reader) {
            return new Concept<>(this, factory, value -> ((Function<Object, Arguments>) (Function<?, ?>) reader).apply(value));
        }

        /** The concept of one parameterless value (a user-defined activation, say). */
        public Concept<V> build(V value) {
            if (!params.isEmpty()) {
                throw new IllegalStateException(name + ": a single value has no parameters");
            }
            return new Concept<>(this, args -> value, v -> Arguments.empty());
        }
    }

    public Kind<V> kind() {
        return kind;
    }

    /** The name the notation and JSON write. */
    public String name() {
        return name;
    }

    /** Other accepted names. */
    public List<String> aliases() {
        return aliases;
    }

    /** The name and the aliases. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    public String summary() {
        return summary;
    }

    public List<Param> params() {
        return params;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** The names of the parameters, in order. */
    public List<String> paramNames() {
        return params.stream().map(Param::name).toList();
    }

    /**
     * The arguments {@code given} (by parameter name, values of any numeric type) checked and completed
     * with the defaults, in parameter order.
     *
     * @throws ConceptException for an unknown or missing parameter, a value of the wrong type or out of
     *                          range, or a broken rule
     */
    public Arguments complete(Map<String, ?> given) {
        for (String key : given.keySet()) {
            if (param(key).isEmpty()) {
                throw new ConceptException(name + ": unknown parameter '" + key + "'",
                        params.isEmpty() ? "no parameters" : (params.size() == 1 ? "" : "one of ") + String.join(", ", paramNames()),
                        "'" + key + "'", ClosestName.suggestion(key, paramNames()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params) {
            Object raw = given.get(p.name());
            if (raw == null) {
                if (p.isRequired()) {
                    throw new ConceptException(name, p.name(), p.expectation(), "nothing", "write " + signature());
                }
                values.put(p.name(), p.defaultValue());
            } else {
                values.put(p.name(), p.coerce(raw, name));
            }
        }
        Arguments arguments = Arguments.of(values);
        for (Rule rule : rules) {
            String expectation = rule.problem().apply(arguments);
            if (expectation != null) {
                Param p = param(rule.param()).orElseThrow();
                throw new ConceptException(name, rule.param(), expectation, p.format(arguments.get(rule.param())), rule.hint());
            }
        }
        return arguments;
    }

    /** The value made from {@code given} (checked and completed with defaults). */
    public V create(Map<String, ?> given) {
        return factory.apply(complete(given));
    }

    /** The value made from {@code arguments}. */
    public V create(Arguments arguments) {
        return create(arguments.asMap());
    }

    /** The value with every parameter at its default. */
    public V create() {
        return create(Map.of());
    }

    /**
     * Checks the values of a constructor call, in parameter order: a record's compact constructor calls this
     * so that a value made directly in Java obeys the same ranges and rules as one made from the notation.
     */
    public void check(Object... values) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException(name + " takes " + params.size() + " values, got " + values.length);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new ConceptException(name, params.get(i).name(), params.get(i).expectation(), "nothing", params.get(i).hint());
            }
            map.put(params.get(i).name(), values[i]);
        }
        complete(map);
    }

    /** The arguments of {@code value} (a value of this concept). */
    public Arguments argumentsOf(Object value) {
        return reader.apply(value);
    }

    /** Whether {@code value} equals the default of {@code param}. */
    public static boolean isDefault(Param param, Object value) {
        Object def = param.defaultValue();
        if (def == null) {
            return false;
        }
        if (def instanceof Double d && value instanceof Double v) {
            return Double.compare(d, v) == 0;
        }
        return def.equals(value);
    }

    /**
     * {@code value} in the notation: the name alone when nothing needs saying, else the arguments that
     * differ from their defaults (and the required ones), positionally or by name as the kind writes them:
     * {@code sigmoid}, {@code leakyRelu(alpha=0.2)}, {@code dense(10, relu, weights=heNormal)},
     * {@code adam(lr=0.01)}.
     */
    public String notationOf(Object value) {
        Arguments args = argumentsOf(value);
        List<String> parts = new ArrayList<>();
        for (Param p : params) {
            Object v = args.get(p.name());
            if (p.isRequired() && !kind.namedArguments()) {
                parts.add(p.format(v));
            } else if (p.isRequired() || !isDefault(p, v)) {
                parts.add(p.name() + "=" + p.format(v));
            }
        }
        return parts.isEmpty() ? name : name + "(" + String.join(", ", parts) + ")";
    }

    /** How to write this concept with every parameter: {@code elu(alpha=1.0)}, {@code dense(units, activation, weights=glorotUniform, bias=zeros)}. */
    public String signature() {
        if (params.isEmpty()) {
            return name;
        }
        List<String> parts = new ArrayList<>();
        for (Param p : params) {
            parts.add(p.isRequired() ? p.name() : p.name() + "=" + p.format(p.defaultValue()));
        }
        return name + "(" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return kind.name() + " " + signature();
    }
}
