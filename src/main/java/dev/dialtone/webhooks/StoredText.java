package dev.dialtone.webhooks;

/**
 * Text from outside (a receiver's answer, an error message quoting it) made fit to store:
 * PostgreSQL refuses NUL characters in text, so they become U+FFFD, as an undecodable byte would.
 */
final class StoredText {
    private StoredText() {}

    static String of(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    static String of(String text, int max) {
        String stored = of(text);
        return stored == null || stored.length() <= max ? stored : stored.substring(0, max);
    }
}
