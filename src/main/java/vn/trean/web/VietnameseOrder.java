package vn.trean.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Vietnamese alphabetical order for names (communes, provinces): the JDK's collation rules for {@code vi} — a ă â,
 * d before đ, o ô ơ, u ư, tone marks a secondary difference — applied syllable by syllable, as a Vietnamese list is
 * read, so that "Ba Đình" and "Ba Vì" come before "Bạch Mai" (a whole-string collation ignores the space and would
 * compare "BaĐình" with "BạchMai"). ICU4J would do the same with non-ignorable spaces, for a 14 MB dependency.
 */
final class VietnameseOrder implements Comparator<String> {

    static final Comparator<String> NAMES = new VietnameseOrder();

    private final Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));

    private VietnameseOrder() {
    }

    @Override
    public int compare(String a, String b) {
        String[] left = a.trim().split("\\s+");
        String[] right = b.trim().split("\\s+");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int bySyllable = collator.compare(left[i], right[i]);
            if (bySyllable != 0) {
                return bySyllable;
            }
        }
        return left.length != right.length ? Integer.compare(left.length, right.length) : a.compareTo(b);
    }
}
