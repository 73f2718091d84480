package mlpkit.core.concept;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The concepts of one kind in a {@link Registry}, sorted by name: the activations, the losses, … Finds a
 * concept by its name or an alias; an unknown name is refused with the known ones and the closest match.
 *
 * @param <V> the kind's interface
 */
public final class Concepts<V> {
    private final Kind<V> kind;
    private final List<Concept<V>> all;

    Concepts(Kind<V> kind, List<Concept<V>> concepts) {
        this.kind = kind;
        List<Concept<V>> sorted = new ArrayList<>(concepts);
        sorted.sort(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT)));
        this.all = List.copyOf(sorted);
    }

    public Kind<V> kind() {
        return kind;
    }

    /** Every concept of the kind, by name. */
    public List<Concept<V>> all() {
        return all;
    }

    /** The names (not the aliases), by name. */
    public List<String> names() {
        return all.stream().map(Concept::name).toList();
    }

    /** The concept called {@code name} (or with that alias). */
    public Optional<Concept<V>> find(String name) {
        for (Concept<V> c : all) {
            if (c.name().equals(name) || c.aliases().contains(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The concept called {@code name}.
     *
     * @throws ConceptException {@code unknown activation 'softmx'} expecting one of the names, with a
     *                          "did you mean" hint when one is close
     */
    public Concept<V> require(String name) {
        return find(name).orElseThrow(() -> unknown(name));
    }

    /** The problem of an unknown name, as {@link #require} throws it. */
    public ConceptException unknown(String name) {
        List<String> every = new ArrayList<>();
        all.forEach(c -> every.addAll(c.names()));
        return new ConceptException("unknown " + kind.name() + " '" + name + "': expected " + expectation(),
                expectation(), "'" + name + "'", ClosestName.suggestion(name, every));
    }

    /** {@code one of bce, half-sse, mse, softmax-ce}. */
    public String expectation() {
        return all.isEmpty() ? "no " + kind.name() + " (none is known)" : (all.size() == 1 ? "" : "one of ") + String.join(", ", names());
    }

    @Override
    public String toString() {
        return kind.name() + "s " + names();
    }
}
