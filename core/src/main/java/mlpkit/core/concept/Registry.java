package mlpkit.core.concept;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known concepts by kind. {@link #builtIns()} holds every concept listed in the class path's concept
 * index ({@link ConceptIndex}, written when mlpkit is built); {@link #with} adds a user's own (an activation
 * written in a script, a loss written in Java) and returns a new registry: registries are immutable values,
 * passed to what parses, never global and never changed.
 *
 * <pre>
 *   Registry registry = Registry.builtIns().with(mySwish.concept());
 *   Activation a = registry.parse(Activation.KIND, "leakyRelu(0.2)");
 * </pre>
 */
public final class Registry {
    private final Map<Kind<?>, List<Concept<?>>> byKind;

    private Registry(Map<Kind<?>, List<Concept<?>>> byKind) {
        this.byKind = byKind;
    }

    /** Every concept of the class path's concept index: mlpkit's own (and any library's that ships an index). */
    public static Registry builtIns() {
        return BuiltIns.REGISTRY;
    }

    /** A registry of exactly {@code concepts}. */
    public static Registry of(Collection<? extends Concept<?>> concepts) {
        return new Registry(new LinkedHashMap<>()).with(concepts.toArray(new Concept<?>[0]));
    }

    /**
     * This registry and {@code concepts}. A concept already here (the same object) is kept once.
     *
     * @throws IllegalArgumentException when a new concept's name or alias is taken by another of its kind
     */
    public Registry with(Concept<?>... concepts) {
        Map<Kind<?>, List<Concept<?>>> map = new LinkedHashMap<>();
        byKind.forEach((k, list) -> map.put(k, new ArrayList<>(list)));
        for (Concept<?> c : concepts) {
            List<Concept<?>> list = map.computeIfAbsent(c.kind(), k -> new ArrayList<>());
            if (list.contains(c)) {
                continue;
            }
            for (Concept<?> other : list) {
                for (String name : c.names()) {
                    if (other.names().contains(name)) {
                        throw new IllegalArgumentException("cannot add the " + c.kind().name() + " '" + c.name()
                                + "': the name '" + name + "' is taken by the " + other.kind().name() + " " + other.signature()
                                + "; choose another name");
                    }
                }
            }
            list.add(c);
        }
        map.replaceAll((k, list) -> List.copyOf(list));
        return new Registry(map);
    }

    /** The concepts of {@code kind} (empty when none is known). */
    @SuppressWarnings("unchecked")
    public <V> Concepts<V> of(Kind<V> kind) {
        List<Concept<V>> list = new ArrayList<>();
        for (Concept<?> c : byKind.getOrDefault(kind, List.of())) {
            list.add((Concept<V>) c);
        }
        return new Concepts<>(kind, list);
    }

    /** The kinds that have concepts here, in the order they were first added. */
    public List<Kind<?>> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** Every concept, kind by kind. */
    public List<Concept<?>> all() {
        List<Concept<?>> list = new ArrayList<>();
        byKind.values().forEach(list::addAll);
        return list;
    }

    /** Whether this registry holds {@code concept} itself. */
    public boolean contains(Concept<?> concept) {
        return byKind.getOrDefault(concept.kind(), List.of()).contains(concept);
    }

    /** One value of {@code kind} written in the notation: {@code leakyRelu(0.2)}, {@code adam(lr=0.01)}. */
    public <V> V parse(Kind<V> kind, String notation) {
        return new NotationParser(notation, "notation", this).value(kind);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Registry[");
        byKind.forEach((k, list) -> s.append(k.name()).append(": ").append(list.stream().map(Concept::name).toList()).append("; "));
        return s.append(']').toString();
    }

    /** The built-in registry, read from the index once, when first asked for. */
    private static final class BuiltIns {
        static final Registry REGISTRY = Registry.of(ConceptIndex.load(Registry.class.getClassLoader()));
    }
}
