package dev.dialtone.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a Dialtone for tests is started; equal settings share one process when {@code shared}.
 *
 * @param manualClock whether time stands still until the test advances it
 * @param properties Dialtone settings passed as {@code --name=value}, after the extension's own
 * @param shared one process for every test class in the JVM with these settings, rather than one
 *     per class
 * @param jar the server jar to run instead of the one packed into this artifact
 * @param jvmArguments options for the server's JVM
 * @param startTimeout how long the server may take to answer
 */
record DialtoneSettings(
        boolean manualClock,
        Map<String, String> properties,
        boolean shared,
        Path jar,
        List<String> jvmArguments,
        Duration startTimeout) {

    /** Calls that ring, talk and speak twenty times faster than on the phone. */
    static final String DEFAULT_SPEED = "20";

    static final List<String> DEFAULT_JVM =
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    DialtoneSettings {
        properties = Map.copyOf(properties);
        jvmArguments = List.copyOf(jvmArguments);
    }
}
