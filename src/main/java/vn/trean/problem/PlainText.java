package vn.trean.problem;

/**
 * Text a person could have typed. PostgreSQL refuses a NUL byte in text (a 500 before this check), and no
 * form field has a use for other control characters or for half of a surrogate pair.
 */
public final class PlainText {

    private PlainText() {
    }

    /** True for a character no text field may hold: C0 controls other than tab and line breaks, DEL, lone surrogates. */
    public static boolean refuses(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
