package mlpkit.core.concept;

import java.util.Collection;
import java.util.Locale;

/** The known name a mistyped one most likely meant, for "did you mean" hints. */
public final class ClosestName {
    private ClosestName() {
    }

    /** The name of {@code known} within a few edits of {@code given} (case ignored), or null when none is close. */
    public static String of(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        // A cut-short name ("train_acc") means the one it begins, however many letters are missing.
        if (given.length() >= 3) {
            String prefixed = null;
            int count = 0;
            for (String name : known) {
                if (name.toLowerCase(Locale.ROOT).startsWith(lower) && !name.equals(given)) {
                    prefixed = name;
                    count++;
                }
            }
            if (count == 1) {
                return prefixed;
            }
        }
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        for (String name : known) {
            int edits = distance(lower, name.toLowerCase(Locale.ROOT));
            if (edits < bestEdits) {
                best = name;
                bestEdits = edits;
            }
        }
        if (best == null) {
            return null;
        }
        // About one edit per four characters, so "epoch" finds "epochs" but "lr" does not find "eps".
        boolean close = bestEdits > 0 && bestEdits <= Math.max(1, given.length() / 4);
        boolean otherCase = bestEdits == 0 && !best.equals(given);
        return close || otherCase ? best : null;
    }

    /** {@code ; did you mean 'name'?} when a known name is close to {@code given}, else an empty string. */
    public static String suggestion(String given, Collection<String> known) {
        String close = of(given, known);
        return close == null ? "" : "did you mean '" + close + "'?";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
