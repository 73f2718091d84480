package mlpkit.core.concept;

import java.util.Objects;

/**
 * A kind of building block: activation, loss, initialiser, optimiser, schedule, layer, metric. Every
 * value of a kind implements the kind's interface {@code V} (an {@code Activation}, a {@code Loss}, …) and
 * belongs to one {@link Concept} of that kind (sigmoid, elu, …). Each interface declares its kind once, as
 * {@code Activation.KIND}.
 *
 * <p>The kind also fixes how its values are written in the notation: with {@link #namedArguments()} every
 * argument is written {@code name=value} ({@code sgd(lr=0.5, momentum=0.9)}); otherwise required
 * arguments are positional and optional ones named ({@code dense(10, relu, weights=heNormal)}).
 *
 * @param <V> the interface every value of this kind implements
 */
public final class Kind<V> {
    private final String name;
    private final String article;
    private final Class<V> type;
    private final boolean namedArguments;

    private Kind(String name, String article, Class<V> type, boolean namedArguments) {
        this.name = Objects.requireNonNull(name, "name");
        this.article = article;
        this.type = Objects.requireNonNull(type, "type");
        this.namedArguments = namedArguments;
    }

    /** A kind whose required arguments are written positionally: {@code leakyRelu(0.2)}, {@code dense(10, relu)}. */
    public static <V> Kind<V> positional(String name, Class<V> type) {
        return new Kind<>(name, articleOf(name), type, false);
    }

    /** A kind whose arguments are all written by name: {@code adam(lr=0.01)}, {@code step(every=10, factor=0.5)}. */
    public static <V> Kind<V> named(String name, Class<V> type) {
        return new Kind<>(name, articleOf(name), type, true);
    }

    /** The kind's name as users read it: {@code activation}, {@code loss}, {@code optimizer}. */
    public String name() {
        return name;
    }

    /** The name with its indefinite article: {@code an activation}, {@code a loss}. */
    public String withArticle() {
        return article + " " + name;
    }

    /** The interface every value of this kind implements. */
    public Class<V> type() {
        return type;
    }

    /** Whether the notation writes every argument as {@code name=value}. */
    public boolean namedArguments() {
        return namedArguments;
    }

    private static String articleOf(String name) {
        return "aeiou".indexOf(Character.toLowerCase(name.charAt(0))) >= 0 ? "an" : "a";
    }

    @Override
    public String toString() {
        return name;
    }
}
