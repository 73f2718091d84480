package mlpkit.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Numbers the distinct label texts of a column into classes with the rules of data's CSV {@code ClassLabelColumn}:
 * when every text is a plain decimal number (digits, sign, point, exponent; finite) each must be whole; then
 * non-negative numbers are the class numbers themselves (names "0" … "max"), while with a negative one the distinct
 * values are ranked (names their whole-number texts); otherwise the texts are sorted and ranked.
 */
final class ClassNumbering {
    /** The most classes a label column may make (data's limit). */
    static final int MAX_CLASSES = 65_536;

    /** Class names, class k at index k. */
    final List<String> names;
    /** Each distinct text's class. */
    final HashMap<String, Integer> classOf;

    private ClassNumbering(List<String> names, HashMap<String, Integer> classOf) {
        this.names = names;
        this.classOf = classOf;
    }

    /** The numbering of {@code texts} (distinct, non-empty) read from label column {@code column}. */
    static ClassNumbering of(List<String> texts, String column) {
        HashMap<String, Integer> classOf = new HashMap<>();
        List<Double> numbers = new ArrayList<>();
        for (String text : texts) {
            Double value = decimalOrNull(text);
            if (value == null) {
                numbers = null;
                break;
            }
            numbers.add(value);
        }
        if (numbers != null) {
            for (int i = 0; i < texts.size(); i++) {
                double v = numbers.get(i);
                if (Math.floor(v) != v || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                    throw new IllegalArgumentException("label column '" + column + "': class labels must be whole numbers or names, got '"
                            + texts.get(i) + "': for real-valued targets use the values layout");
                }
            }
            if (numbers.stream().allMatch(v -> v >= 0)) {
                int largest = 0;
                for (int i = 0; i < texts.size(); i++) {
                    classOf.put(texts.get(i), (int) (double) numbers.get(i));
                    largest = Math.max(largest, (int) (double) numbers.get(i));
                }
                if (largest >= MAX_CLASSES) {
                    throw new IllegalArgumentException("label column '" + column + "': label " + largest + " would make " + (largest + 1L)
                            + " classes (labels are used as class numbers): is this the label column? At most " + MAX_CLASSES + " classes are supported");
                }
                List<String> names = new ArrayList<>(largest + 1);
                for (int k = 0; k <= largest; k++) {
                    names.add(Integer.toString(k));
                }
                return new ClassNumbering(names, classOf);
            }
            TreeMap<Long, Integer> rank = new TreeMap<>();
            for (double v : numbers) {
                rank.put((long) v, 0);
            }
            List<String> names = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : rank.entrySet()) {
                e.setValue(names.size());
                names.add(e.getKey().toString());
            }
            for (int i = 0; i < texts.size(); i++) {
                classOf.put(texts.get(i), rank.get((long) (double) numbers.get(i)));
            }
            return new ClassNumbering(names, classOf);
        }
        List<String> names = new ArrayList<>(texts);
        names.sort(null);
        for (int k = 0; k < names.size(); k++) {
            classOf.put(names.get(k), k);
        }
        return new ClassNumbering(names, classOf);
    }

    /** {@code text} as a finite double when it is a plain decimal number, else null (data's {@code parseDecimalOrNull}). */
    static Double decimalOrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return null;
            }
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
