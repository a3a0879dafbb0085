package dev.dialtone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsWhatDialtoneAnswers() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("sid", "CA1");
        expected.put("price", null);
        expected.put("n", 12L);
        expected.put("x", -1.5);
        expected.put("ok", true);
        expected.put("list", Arrays.asList("a\"b", "é\n", Map.of()));
        assertEquals(
                expected,
                Json.object(
                        "{ \"sid\":\"CA1\", \"price\": null, \"n\": 12, \"x\": -1.5e0, \"ok\": true,"
                                + " \"list\": [\"a\\\"b\", \"\\u00e9\\n\", {}] }"));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
