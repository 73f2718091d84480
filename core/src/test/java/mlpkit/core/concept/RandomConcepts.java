package mlpkit.core.concept;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid values of any kind of a {@link Registry}, for property tests: a random concept of the kind,
 * each optional parameter left at its default or given a random value, each value drawn from its
 * parameter's declared range (checked with {@link Param#problem}, so the ranges are read from the concepts,
 * never restated here), concept-valued parameters drawn recursively. A draw that breaks a rule tying
 * several parameters together (a softmax layer with one unit) is drawn again.
 */
final class RandomConcepts {
    private static final int ATTEMPTS = 200;

    private final Registry registry;
    private final Random random;

    RandomConcepts(Registry registry, Random random) {
        this.registry = registry;
        this.random = random;
    }

    /** A random valid value of {@code kind}. */
    <V> V value(Kind<V> kind) {
        return value(kind, 0);
    }

    private <V> V value(Kind<V> kind, int depth) {
        List<Concept<V>> concepts = registry.of(kind).all();
        if (concepts.isEmpty()) {
            throw new IllegalStateException("no concept of the kind " + kind.name());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Concept<V> concept = concepts.get(random.nextInt(concepts.size()));
            Map<String, Object> given = new LinkedHashMap<>();
            for (Param param : concept.params()) {
                if (!param.isRequired() && random.nextInt(3) == 0) {
                    continue;
                }
                Object argument = argument(param, depth);
                if (argument != null) {
                    given.put(param.name(), argument);
                }
            }
            try {
                return concept.create(given);
            } catch (ConceptException brokenRule) {
                // a rule across parameters: draw again
            }
        }
        throw new IllegalStateException("no valid value of the kind " + kind.name() + " in " + ATTEMPTS + " draws");
    }

    /** A valid value for {@code param}, or null to leave an optional parameter at its default. */
    private Object argument(Param param, int depth) {
        return switch (param.type()) {
            case REAL -> within(param, this::real);
            case INTEGER -> within(param, () -> (double) integer());
            case BOOLEAN -> random.nextBoolean();
            case TEXT -> text(param);
            case CONCEPT -> depth > 3 ? null : value(param.kind(), depth + 1);
        };
    }

    private interface Draw {
        double next();
    }

    /** A drawn number that {@code param} accepts (an integer parameter gets an Integer), or null when none was found. */
    private Object within(Param param, Draw draw) {
        for (int i = 0; i < ATTEMPTS; i++) {
            double v = draw.next();
            Object value = param.type() == Param.Type.INTEGER ? (Object) (int) v : (Object) v;
            if (param.problem(value) == null) {
                return value;
            }
        }
        if (param.isRequired()) {
            throw new IllegalStateException("no valid value drawn for " + param.name() + " (" + param.expectation() + ")");
        }
        return null;
    }

    /** Finite doubles of every scale: small and round, uniform in a unit interval, and any exponent. */
    private double real() {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(21) - 10;
            case 1 -> random.nextDouble();
            case 2 -> random.nextDouble() * 20 - 10;
            case 3 -> (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(601) - 300);
            case 4 -> List.of(0.0, -0.0, 1.0, 0.5, 1e-8, 0.999, 1e300, Double.MIN_VALUE, Double.MAX_VALUE).get(random.nextInt(9));
            default -> {
                double bits;
                do {
                    bits = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(bits));
                yield bits;
            }
        };
    }

    private int integer() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(12);
            case 1 -> random.nextInt(1000);
            case 2 -> random.nextInt();
            default -> Integer.MAX_VALUE - random.nextInt(3);
        };
    }

    /** One of the choices, a name, or any text (quotes and backslashes included, which the notation escapes). */
    private Object text(Param param) {
        if (!param.choices().isEmpty()) {
            return param.choices().get(random.nextInt(param.choices().size()));
        }
        if (param.namesMetric()) {
            return List.of("val_loss", "train_loss", "val_accuracy", "train_accuracy").get(random.nextInt(4));
        }
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(8);
        String alphabet = random.nextBoolean() ? "abcxyz_" : "ab _\"\\(),;<>=é1";
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Every kind the registry has concepts of. */
    List<Kind<?>> kinds() {
        return new ArrayList<>(registry.kinds());
    }
}
