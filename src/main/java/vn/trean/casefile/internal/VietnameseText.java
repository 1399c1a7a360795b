package vn.trean.casefile.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Folds Vietnamese text for matching: "Nguyễn Thị Hoà" and "nguyen thi hoa" become the same key. */
final class VietnameseText {

    private VietnameseText() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }
}
